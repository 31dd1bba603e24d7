package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.google.errorprone.util.ASTHelpers;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Two {@code Work<P>} fields with the same pointer type {@code P} in one item, inherited fields
 * included. A pointer type selects exactly one slot, so the second slot can never be queued on
 * its own: it shares the first one's pending state and run, and {@code HasWork.of} rejects the
 * item at run time.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Each Work slot of an item needs its own pointer newtype",
    severity = ERROR,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "DuplicateWorkPointer.md")
public final class DuplicateWorkPointer extends BugChecker implements ClassTreeMatcher {

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    ClassSymbol item = ASTHelpers.getSymbol(tree);
    ImmutableList<VarSymbol> slots = Slots.of(item, state);
    if (slots.size() < 2) {
      return Description.NO_MATCH;
    }
    // A field of this class that repeats the pointer type of an earlier slot (inherited slots
    // come first) is reported here; duplicates that are all inherited were reported on the
    // superclass that declared them.
    List<VarSymbol> seen = new ArrayList<>();
    for (VarSymbol slot : slots) {
      VarSymbol earlier = slotWithSamePointer(seen, slot, state);
      seen.add(slot);
      // The report is made while matching the class, so Error Prone's own suppression sees only
      // the class's @SuppressWarnings: the field's is honoured here.
      if (earlier == null || slot.owner != item || isSuppressed(slot, state)) {
        continue;
      }
      Tree declaration = declarationOf(tree, slot);
      if (declaration != null) {
        state.reportMatch(describe(declaration, item, slot, earlier, state));
      }
    }
    return Description.NO_MATCH;
  }

  private static @Nullable VarSymbol slotWithSamePointer(
      List<VarSymbol> earlier, VarSymbol slot, VisitorState state) {
    Type pointer = WorkTypes.slotPointer(slot.type, state);
    if (pointer == null) {
      return null;
    }
    for (VarSymbol other : earlier) {
      if (WorkTypes.sameType(pointer, WorkTypes.slotPointer(other.type, state), state)) {
        return other;
      }
    }
    return null;
  }

  private static @Nullable Tree declarationOf(ClassTree tree, VarSymbol field) {
    for (Tree member : tree.getMembers()) {
      if (member instanceof VariableTree variable && ASTHelpers.getSymbol(variable) == field) {
        return member;
      }
    }
    return null;
  }

  private Description describe(
      Tree declaration, ClassSymbol item, VarSymbol slot, VarSymbol earlier, VisitorState state) {
    Type pointer = WorkTypes.slotPointer(slot.type, state);
    String p = pointer == null ? "?" : Names.of(pointer.tsym);
    String where = earlier.owner == item ? "" : " (inherited from " + earlier.owner.getSimpleName() + ")";
    return buildDescription(declaration)
        .setMessage(
            String.format(
                "%s has two Work<%s> slots, %s and %s%s: a pointer type selects exactly one slot,"
                    + " so work queued through %s shares %s's pending state and runs %s.run(),"
                    + " and HasWork.of rejects %s at run time. Give %s its own pointer newtype.",
                item.getSimpleName(), p, earlier.getSimpleName(), slot.getSimpleName(), where,
                p, earlier.getSimpleName(), p, item.getSimpleName(), slot.getSimpleName()))
        .build();
  }
}
