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
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
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

  /** How many field initializers a returned descriptor is followed through. */
  private static final int MAX_FIELD_HOPS = 4;

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
    Type item = WorkTypes.pointerItem(pointer, state);
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
    String c = PointerShapes.className(declaring);
    String p = PointerShapes.simpleName(pointer);
    String t = PointerShapes.simpleName(item);
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
    ImmutableList<VarSymbol> slots = WorkTypes.workFields(itemClass, state);
    for (VarSymbol other : slots) {
      if (WorkTypes.sameType(WorkTypes.slotPointer(other.type, state), pointer, state)) {
        return "work queued through " + p + " uses " + other.owner.getSimpleName() + "."
            + other.getSimpleName() + " instead";
      }
    }
    return t + " has no Work<" + p + "> slot, so HasWork.of fails and " + p
        + " can never be queued at all";
  }

  // ---- a hasWork() that returns another pointer type's descriptor

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    if (!tree.getName().contentEquals("hasWork")
        || !tree.getParameters().isEmpty()
        || tree.getBody() == null) {
      return Description.NO_MATCH;
    }
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (method == null || method.isStatic() || !(method.owner instanceof ClassSymbol pointer)) {
      return Description.NO_MATCH;
    }
    Type asPointer = WorkTypes.pointerSupertype(pointer.type, state);
    if (asPointer == null || asPointer.getTypeArguments().get(1).tsym != pointer) {
      // Not a pointer, raw, or its declared P is another type: WorkPointerNotNewtype reports it.
      return Description.NO_MATCH;
    }
    for (ReturnTree ret : HasWorkCalls.ownReturns(tree)) {
      ExpressionTree expression = ret.getExpression();
      if (expression == null) {
        continue;
      }
      Target target = descriptorTarget(expression, pointer, state, MAX_FIELD_HOPS);
      if (target == null) {
        continue;
      }
      state.reportMatch(describe(ret, expression, pointer, target, state));
    }
    return Description.NO_MATCH;
  }

  /** The other pointer type a returned descriptor is for, and the slot it names if known. */
  private record Target(Symbol pointer, @Nullable String field, @Nullable VarSymbol via) {}

  /**
   * The pointer type other than {@code pointer} that the descriptor {@code expression} evaluates
   * to is for, or null if it is for {@code pointer} or nothing can be told.
   */
  private static @Nullable Target descriptorTarget(
      ExpressionTree expression, ClassSymbol pointer, VisitorState state, int hops) {
    ExpressionTree current = expression;
    while (true) {
      Type q = PointerShapes.descriptorPointer(ASTHelpers.getType(current), state);
      if (q != null && q.tsym != pointer) {
        return new Target(q.tsym, fieldNameOf(current, state, hops), null);
      }
      if (current instanceof MethodInvocationTree call && HasWorkCalls.isHasWorkOf(call, state)) {
        ClassSymbol named = PointerShapes.classLiteral(call.getArguments().get(2));
        if (named != null && named != pointer) {
          return new Target(named, constantName(call.getArguments().get(3)), null);
        }
        return null;
      }
      ExpressionTree stripped = PointerShapes.stripCasts(current);
      if (stripped != current) {
        current = stripped;
        continue;
      }
      if (hops <= 0) {
        return null;
      }
      VariableTree field = staticFieldDeclaration(current, state);
      if (field == null || field.getInitializer() == null) {
        return null;
      }
      Target viaField = descriptorTarget(field.getInitializer(), pointer, state, hops - 1);
      return viaField == null
          ? null
          : new Target(
              viaField.pointer(),
              viaField.field(),
              viaField.via() != null ? viaField.via() : ASTHelpers.getSymbol(field));
    }
  }

  /** The slot name in the {@code HasWork.of} behind {@code expression}, if it can be found. */
  private static @Nullable String fieldNameOf(
      ExpressionTree expression, VisitorState state, int hops) {
    ExpressionTree current = PointerShapes.stripCasts(expression);
    for (int i = 0; i <= hops; i++) {
      if (current instanceof MethodInvocationTree call && HasWorkCalls.isHasWorkOf(call, state)) {
        return constantName(call.getArguments().get(3));
      }
      VariableTree field = staticFieldDeclaration(current, state);
      if (field == null || field.getInitializer() == null) {
        return null;
      }
      current = PointerShapes.stripCasts(field.getInitializer());
    }
    return null;
  }

  private static @Nullable String constantName(ExpressionTree tree) {
    return ASTHelpers.constValue(tree, String.class);
  }

  /** The field an identifier or field access reads; null for any other expression. */
  private static @Nullable Symbol readField(ExpressionTree expression) {
    if (expression.getKind() != Tree.Kind.IDENTIFIER
        && expression.getKind() != Tree.Kind.MEMBER_SELECT) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    return symbol instanceof VarSymbol && symbol.getKind() == ElementKind.FIELD ? symbol : null;
  }

  /** The declaration of the static final field {@code expression} reads, if it is in source. */
  private static @Nullable VariableTree staticFieldDeclaration(
      ExpressionTree expression, VisitorState state) {
    if (!(readField(expression) instanceof VarSymbol field)
        || !field.isStatic()
        || (field.flags() & Flags.FINAL) == 0) {
      return null;
    }
    Tree declaration = JavacTrees.instance(state.context).getTree(field);
    return declaration instanceof VariableTree variable ? variable : null;
  }

  private Description describe(
      ReturnTree ret,
      ExpressionTree expression,
      ClassSymbol pointer,
      Target target,
      VisitorState state) {
    String p = pointer.getSimpleName().toString();
    String q = target.pointer().getSimpleName().toString();
    String slot = target.field() == null ? "" : " (slot " + target.field() + ")";
    String via = target.via() == null ? "" : ", through " + target.via().getSimpleName() + ",";
    Description.Builder description =
        buildDescription(ret)
            .setMessage(
                String.format(
                    "%s.hasWork() returns%s the descriptor of %s's slot%s, not %s's own:"
                        + " enqueue throws IllegalArgumentException for every %s (it would run"
                        + " in %s's slot). Return %s's own HasWork<…, %s> constant.",
                    p, via, q, slot, p, p, q, p, p));
    VarSymbol own = ownDescriptor(pointer, state);
    if (own != null && readField(PointerShapes.stripCasts(expression)) != own) {
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
      Type q = PointerShapes.descriptorPointer(field.type, state);
      if (q == null || q.tsym != pointer) {
        continue;
      }
      Tree declaration = JavacTrees.instance(state.context).getTree(field);
      if (!(declaration instanceof VariableTree variable)
          || variable.getInitializer() == null
          || descriptorTarget(variable.getInitializer(), pointer, state, MAX_FIELD_HOPS) != null) {
        continue;
      }
      if (found != null) {
        return null;
      }
      found = field;
    }
    return found;
  }
}
