package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code HasWork.of(lookup, T.class, P.class, "f")} that {@code HasWork.of} will reject at run
 * time: {@code f} is not a field of {@code T} or its superclasses, its declared type is not exactly
 * {@code Work<P>}, it is static or not final, or it is private to another nest while the lookup is
 * the caller's own {@code MethodHandles.lookup()}; or the name is not a compile-time constant, so
 * nothing can verify it before run time. The descriptor is normally built when the pointer type
 * is first used, so a rejected one makes {@code ExceptionInInitializerError} of every use: no
 * {@code P} can ever be queued.
 *
 * <p>When {@code T.class} or {@code P.class} is not a class literal the check cannot tell which
 * class is meant and reports nothing.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "HasWork.of names a field that is not a usable Work<P> slot of the item",
    severity = ERROR,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "HasWorkFieldMismatch.md")
public final class HasWorkFieldMismatch extends BugChecker implements MethodInvocationTreeMatcher {

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    if (!Descriptors.isFactoryCall(tree, state)) {
      return Description.NO_MATCH;
    }
    List<? extends ExpressionTree> arguments = tree.getArguments();
    ClassSymbol item = Descriptors.classLiteral(arguments.get(1));
    ClassSymbol pointer = Descriptors.classLiteral(arguments.get(2));
    if (item == null || pointer == null || !Slots.complete(item, state)) {
      return Description.NO_MATCH;
    }
    String t = item.getSimpleName().toString();
    String p = pointer.getSimpleName().toString();
    Places.Place place = Places.of(state.getPath());
    String when = place == null ? "each time this call runs" : place.whenItRuns();
    String name = Descriptors.constantName(tree);
    if (name == null) {
      return buildDescription(arguments.get(3))
          .setMessage(
              String.format(
                  "The field name passed to HasWork.of for %s is not a compile-time constant, so"
                      + " nothing can check before run time that it names %s's Work<%s> slot;"
                      + " a wrong name makes HasWork.of throw IllegalArgumentException %s, and"
                      + " then no %s can ever be queued. Pass the field name as a string literal.",
                  p, t, p, when, p))
          .build();
    }

    List<String> problems = new ArrayList<>();
    boolean wrongSlot;
    VarSymbol field = Slots.named(item, name, state);
    if (field == null) {
      problems.add(t + " has no field " + name);
      wrongSlot = true;
    } else {
      String where = field.owner.getSimpleName() + "." + name;
      if ((field.flags() & Flags.STATIC) != 0) {
        problems.add(where + " is static (one slot shared by every " + t + ")");
      }
      if ((field.flags() & Flags.FINAL) == 0) {
        problems.add(where + " is not final");
      }
      wrongSlot = !Slots.isSlotOf(field.type, pointer, state);
      if (wrongSlot) {
        problems.add(where + " is " + describeType(field.type, state) + ", not Work<" + p + ">");
      }
      String inaccessible = inaccessible(arguments.get(0), field, where, state);
      if (inaccessible != null) {
        problems.add(inaccessible);
      }
    }
    if (problems.isEmpty()) {
      return Description.NO_MATCH;
    }

    VarSymbol suggestion = null;
    if (wrongSlot) {
      List<VarSymbol> slots = Slots.exactlyOf(item, pointer, state);
      if (slots.size() == 1) {
        suggestion = slots.get(0);
      }
    }
    String message =
        String.format(
            "%s (HasWork.of for %s): HasWork.of throws IllegalArgumentException %s, so no %s can"
                + " ever be queued%s",
            String.join("; ", problems), p, when, p,
            suggestion == null ? "" : "; did you mean " + suggestion.getSimpleName() + "?");
    Description.Builder description = buildDescription(tree).setMessage(message);
    ExpressionTree nameArgument = ASTHelpers.stripParentheses(arguments.get(3));
    if (suggestion != null && nameArgument instanceof LiteralTree) {
      description.addFix(
          SuggestedFix.replace(
              nameArgument, state.getConstantExpression(suggestion.getSimpleName().toString())));
    }
    return description.build();
  }

  /** "a Work<Close>", "a raw Work", "declared as String". */
  private static String describeType(Type type, VisitorState state) {
    if (!WorkTypes.isWork(type, state)) {
      return "declared as " + Names.type(type);
    }
    if (type.getTypeArguments().isEmpty()) {
      return "a raw " + Names.type(type);
    }
    return Names.a(type);
  }

  /**
   * Why the lookup cannot reach {@code field}, or null: for a class's own {@code
   * MethodHandles.lookup()} (at the call or in a static final field), a private field of another
   * nest or a package-private field of another package; for {@code MethodHandles.publicLookup()},
   * any field that is not public in a public class. Other lookups (a {@code privateLookupIn}, a
   * method's result) may have been given the access, so they are trusted.
   */
  private static @Nullable String inaccessible(
      ExpressionTree lookup, VarSymbol field, String where, VisitorState state) {
    if (Descriptors.isPublicLookup(lookup, state)) {
      boolean reachable = (field.flags() & Flags.PUBLIC) != 0 || field.owner.isInterface();
      for (Symbol c = field.owner; reachable && c instanceof ClassSymbol type; c = type.owner) {
        reachable = (type.flags() & Flags.PUBLIC) != 0;
      }
      return reachable
          ? null
          : where + " is not a public field of a public class, and MethodHandles.publicLookup()"
              + " can access no other";
    }
    ClassSymbol caller = Descriptors.plainLookupClass(lookup, state);
    if (caller == null) {
      return null;
    }
    String callerName = Names.of(caller);
    long access = field.flags() & (Flags.PUBLIC | Flags.PROTECTED | Flags.PRIVATE);
    if (access == Flags.PRIVATE) {
      ClassSymbol fieldNest = ASTHelpers.outermostClass(field);
      ClassSymbol callerNest = ASTHelpers.outermostClass(caller);
      if (fieldNest != null && callerNest != null && fieldNest != callerNest) {
        return String.format(
            "%s is private, and the MethodHandles.lookup() of %s, outside %s's nest, cannot"
                + " access it",
            where, callerName, fieldNest.getSimpleName());
      }
    } else if (access == 0 && field.owner != null && field.owner.isInterface()) {
      return null; // interface fields are implicitly public
    } else if (access == 0
        && !Objects.equals(field.packge(), caller.packge())) {
      return String.format(
          "%s is package-private, and the MethodHandles.lookup() of %s, in another package,"
              + " cannot access it",
          where, callerName);
    }
    return null;
  }
}
