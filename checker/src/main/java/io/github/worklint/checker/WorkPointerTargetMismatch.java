package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * A slot or a descriptor aimed at the wrong target:
 *
 * <ul>
 *   <li>a {@code Work<P>} field declared in a class {@code C} that {@code P}'s item type {@code T}
 *       is not ({@code T} is neither {@code C} nor a subclass of it, or {@code C} is an
 *       interface). {@code HasWork.of(…, T.class, P.class, …)} searches only {@code T} and its
 *       superclasses, so the slot can never be reached: work queued through {@code P} uses
 *       another slot, or {@code HasWork.of} fails;
 *   <li>a {@code hasWork()} in a pointer class {@code P} that returns the descriptor of another
 *       pointer type {@code Q}: the returned expression (casts aside) has type {@code HasWork<X,
 *       Q>}, is a {@code HasWork.of(…, Q.class, …)} call, or is a field whose initializer is one
 *       of these. That needs raw or unchecked code to compile, and the queue's enqueue throws
 *       {@code IllegalArgumentException} for every such pointer.
 * </ul>
 *
 * <p>A pointer class whose declared {@code P} is not itself is {@link WorkPointerNotNewtype}'s
 * finding, so its {@code hasWork()} is not reported again here. The fix for a {@code hasWork()}
 * returns {@code P}'s own descriptor constant when {@code P} declares exactly one {@code static}
 * field of type {@code HasWork<T, P>} that is itself built for {@code P}; a misplaced slot has no
 * fix (where it belongs is ambiguous).
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A Work<P> slot must be declared in P's item type (or a superclass of it), and a"
            + " pointer's hasWork() must return its own descriptor",
    severity = ERROR,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "WorkPointerTargetMismatch.md")
public final class WorkPointerTargetMismatch extends BugChecker
    implements VariableTreeMatcher, MethodTreeMatcher {

  // ---- a slot declared where HasWork.of never looks

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    VarSymbol slot = ASTHelpers.getSymbol(tree);
    if (slot == null || slot.getKind() != ElementKind.FIELD || !WorkTypes.isWork(slot.type, state)) {
      return Description.NO_MATCH;
    }
    Type pointer = WorkTypes.slotPointer(slot.type, state);
    if (pointer == null || !pointer.hasTag(TypeTag.CLASS)) {
      return Description.NO_MATCH;
    }
    Type item = Pointers.item(pointer, state);
    if (item == null || !item.hasTag(TypeTag.CLASS)) {
      return Description.NO_MATCH;
    }
    Symbol owner = slot.owner;
    if (!(owner instanceof ClassSymbol declaring)) {
      return Description.NO_MATCH;
    }
    Types types = state.getTypes();
    if (!declaring.isInterface()
        && types.isSubtype(types.erasure(item), types.erasure(declaring.type))) {
      return Description.NO_MATCH;
    }
    String c = Names.of(declaring);
    String p = Names.type(pointer);
    String t = Names.type(item);
    String searched =
        declaring.isInterface()
            ? " searches only " + t + " and its superclasses, never an interface,"
            : " searches only " + t + " and its superclasses,";
    return buildDescription(tree)
        .setMessage(
            String.format(
                "%s declares slot %s (Work<%s>), but %s's item type is %s, which is not %s or a"
                    + " subclass of it: HasWork.of(…, %s.class, %s.class, …)%s so %s can never"
                    + " be queued; %s.",
                c, slot.getSimpleName(), p, p, t, c, t, p, searched, slot.getSimpleName(),
                whereWorkGoes(item, pointer, p, t, state)))
        .build();
  }

  private static String whereWorkGoes(
      Type item, Type pointer, String p, String t, VisitorState state) {
    if (!(item.tsym instanceof ClassSymbol itemClass)) {
      return "HasWork.of rejects it";
    }
    ImmutableList<VarSymbol> slots = Slots.selectedBy(itemClass, pointer, state);
    if (!slots.isEmpty()) {
      VarSymbol other = slots.get(0);
      return "work queued through " + p + " uses " + other.owner.getSimpleName() + "."
          + other.getSimpleName() + " instead";
    }
    return t + " has no Work<" + p + "> slot, so HasWork.of fails and " + p
        + " can never be queued at all";
  }

  // ---- a hasWork() that returns another pointer type's descriptor

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null || !WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (!Pointers.isHasWork(method, state) || !(method.owner instanceof ClassSymbol pointer)) {
      return Description.NO_MATCH;
    }
    Type self = Pointers.declaredSelf(pointer.type, state);
    if (self == null || self.tsym != pointer) {
      // Not a pointer, raw, or its declared P is another type: WorkPointerNotNewtype reports it.
      return Description.NO_MATCH;
    }
    for (ExpressionTree returned : Descriptors.returnedBy(tree)) {
      Descriptors.Target target = Descriptors.target(returned, state);
      if (target != null && target.pointer() != pointer) {
        state.reportMatch(describe(outermost(returned, state), pointer, target, state));
      }
    }
    return Description.NO_MATCH;
  }

  private Description describe(
      ExpressionTree expression, ClassSymbol pointer, Descriptors.Target target, VisitorState state) {
    String p = pointer.getSimpleName().toString();
    String q = target.pointer().getSimpleName().toString();
    String slot = target.field() == null ? "" : " (slot " + target.field() + ")";
    String via = target.via() == null ? "" : ", through " + target.via().getSimpleName() + ",";
    Description.Builder description =
        buildDescription(expression)
            .setMessage(
                String.format(
                    "%s.hasWork() returns%s the descriptor of %s's slot%s, not %s's own:"
                        + " enqueue throws IllegalArgumentException for every %s (it would run"
                        + " in %s's slot). Return %s's own HasWork<…, %s> constant.",
                    p, via, q, slot, p, p, q, p, p));
    VarSymbol own = ownDescriptor(pointer, state);
    if (own != null && Descriptors.readField(Descriptors.stripCasts(expression)) != own) {
      description.addFix(SuggestedFix.replace(expression, own.getSimpleName().toString()));
    }
    return description.build();
  }

  /**
   * The one static field of {@code pointer} typed {@code HasWork<T, pointer>} and built for
   * {@code pointer}; null if there is none or more than one.
   */
  private static @Nullable VarSymbol ownDescriptor(ClassSymbol pointer, VisitorState state) {
    VarSymbol found = null;
    for (Symbol member : pointer.getEnclosedElements()) {
      if (!(member instanceof VarSymbol field)
          || field.getKind() != ElementKind.FIELD
          || !field.isStatic()) {
        continue;
      }
      Type q = Pointers.ofDescriptor(field.type, state);
      if (q == null || q.tsym != pointer) {
        continue;
      }
      Tree declaration = JavacTrees.instance(state.context).getTree(field);
      if (!(declaration instanceof VariableTree variable)
          || variable.getInitializer() == null
          || !builtFor(variable.getInitializer(), pointer, state)) {
        continue;
      }
      if (found != null) {
        return null;
      }
      found = field;
    }
    return found;
  }

  /** The cast or parentheses around a returned leaf, which the fix replaces with it. */
  private static ExpressionTree outermost(ExpressionTree leaf, VisitorState state) {
    ExpressionTree outer = leaf;
    for (TreePath p = TreePath.getPath(state.getPath(), leaf).getParentPath();
        p != null && (p.getLeaf() instanceof TypeCastTree || p.getLeaf() instanceof ParenthesizedTree);
        p = p.getParentPath()) {
      outer = (ExpressionTree) p.getLeaf();
    }
    return outer;
  }

  private static boolean builtFor(ExpressionTree descriptor, ClassSymbol pointer, VisitorState state) {
    for (ExpressionTree leaf : Descriptors.leaves(descriptor)) {
      Descriptors.Target target = Descriptors.target(leaf, state);
      if (target != null && target.pointer() != pointer) {
        return false;
      }
    }
    return true;
  }
}
