package io.github.worklint.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Which pointer types a wait waits for, and which object their item is, as the waiter's code
 * names it (null when the code does not show it: then only static locks can match).
 *
 * <p>A slot wait ({@code flush(p)}, {@code cancelSync(p)}) waits for the type of {@code p}; its
 * item is {@code x} when {@code p} is {@code new P(x)}, or a local or final field initialised so.
 * A queue wait ({@code flush()}, {@code drain()}, {@code close()}) waits for the pointers that the
 * compilation unit enqueues on the same queue: the same local variable in the same method, the
 * same field of {@code this} in the same class, the same static field, or {@code
 * WorkQueue.system()}. An item is kept only where it names the same object at the wait: {@code
 * this} or a field of it for a field queue, anything for a local queue, nothing otherwise.
 */
final class WaitedPointers {

  /** A waited-for pointer type and its item at the wait, if the code shows it. */
  record Waited(ClassSymbol pointer, LockRef.@Nullable Owner item) {}

  private WaitedPointers() {}

  static ImmutableList<Waited> ofSlotWait(ExpressionTree pointer, TreePath path, VisitorState state) {
    ClassSymbol type = pointerType(pointer, state);
    ClassSymbol self = enclosingClass(path);
    if (type == null || self == null) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        new Waited(type, itemOf(pointer, LockRef.Context.of(self), UnitIndex.of(state), 0)));
  }

  static ImmutableList<Waited> ofQueueWait(
      ExpressionTree queue, TreePath path, VisitorState state) {
    ClassSymbol self = enclosingClass(path);
    Object key = queueKey(queue);
    if (self == null || key == null) {
      return ImmutableList.of();
    }
    MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    List<Waited> waited = new ArrayList<>();
    for (UnitIndex.Enqueue enqueue : UnitIndex.of(state).enqueues()) {
      ExpressionTree argument = enqueue.call().getArguments().get(0);
      ClassSymbol type = pointerType(argument, state);
      ClassSymbol where = enclosingClass(enqueue.path());
      if (type == null || where == null
          || !key.equals(queueKey(HeldLocks.receiver(enqueue.call())))) {
        continue;
      }
      boolean local = key instanceof VarSymbol v && v.getKind() != ElementKind.FIELD;
      boolean thisField = key instanceof VarSymbol v && v.getKind() == ElementKind.FIELD
          && !v.isStatic();
      if ((local || thisField) && !where.equals(self)) {
        continue;
      }
      if (local && ASTHelpers.findEnclosingNode(enqueue.path(), MethodTree.class) != method) {
        continue;
      }
      LockRef.Owner item =
          itemOf(argument, LockRef.Context.of(where), UnitIndex.of(state), 0);
      boolean sameObject = local || (thisField && (item instanceof LockRef.This
          || (item instanceof LockRef.Var v && v.variable().getKind() == ElementKind.FIELD)));
      waited.add(new Waited(type, sameObject ? item : null));
    }
    return ImmutableList.copyOf(waited);
  }

  /** A queue by what names it: a variable or field symbol, or "system" for WorkQueue.system(). */
  private static @Nullable Object queueKey(ExpressionTree tree) {
    ExpressionTree queue = ASTHelpers.stripParentheses(tree);
    if (queue instanceof MethodInvocationTree call && call.getArguments().isEmpty()) {
      Symbol method = ASTHelpers.getSymbol(call);
      return method != null && method.isStatic() && method.getSimpleName().contentEquals("system")
          && method.owner.getQualifiedName().contentEquals(WorkTypes.WORK_QUEUE) ? "system" : null;
    }
    if (queue instanceof MemberSelectTree select && !isThis(select.getExpression())
        && !(ASTHelpers.getSymbol(select) instanceof VarSymbol field && field.isStatic())) {
      return null; // another object's queue field
    }
    Symbol symbol = ASTHelpers.getSymbol(queue);
    return queue instanceof IdentifierTree || queue instanceof MemberSelectTree
        ? (symbol instanceof VarSymbol variable ? variable : null)
        : null;
  }

  private static boolean isThis(ExpressionTree tree) {
    return ASTHelpers.stripParentheses(tree) instanceof IdentifierTree id
        && id.getName().contentEquals("this");
  }

  private static @Nullable ClassSymbol pointerType(ExpressionTree pointer, VisitorState state) {
    Type type = ASTHelpers.getType(pointer);
    return type != null && type.tsym instanceof ClassSymbol symbol
        && Pointers.supertype(type, state) != null ? symbol : null;
  }

  /** {@code x} of {@code new P(x)}, directly or through a final variable initialised so. */
  private static LockRef.@Nullable Owner itemOf(
      ExpressionTree pointer, LockRef.Context context, UnitIndex index, int depth) {
    ExpressionTree item = Pointers.builtFrom(pointer);
    if (item != null) {
      return LockRef.owner(item, context);
    }
    ExpressionTree expression = ASTHelpers.stripParentheses(pointer);
    if (expression instanceof IdentifierTree && depth < 2
        && ASTHelpers.getSymbol(expression) instanceof VarSymbol variable
        && ASTHelpers.isConsideredFinal(variable)) {
      VariableTree declaration = index.variable(variable);
      ExpressionTree initializer = declaration == null ? null : declaration.getInitializer();
      return initializer == null ? null : itemOf(initializer, context, index, depth + 1);
    }
    return null;
  }

  private static @Nullable ClassSymbol enclosingClass(TreePath path) {
    ClassTree type = ASTHelpers.findEnclosingNode(path, ClassTree.class);
    return type == null ? null : ASTHelpers.getSymbol(type);
  }
}
