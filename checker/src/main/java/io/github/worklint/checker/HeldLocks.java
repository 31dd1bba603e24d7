package io.github.worklint.checker;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The locks held at a point of the code, as far as its own method shows: the {@code synchronized}
 * blocks around it, a {@code synchronized} method, and the {@code java.util.concurrent.locks.Lock}
 * objects locked before it in the same method and not unlocked since ({@code lock()}, {@code
 * lockInterruptibly()}, {@code if (l.tryLock())} around it, {@code if (!l.tryLock()) return;}
 * before it). A statement before the point that unlocks a lock anywhere inside it (a {@code
 * try/finally}, say) releases it. A lambda or a class body between the point and the method starts
 * afresh: its code runs later or elsewhere, not under the locks of the code that created it.
 */
final class HeldLocks {

  static final Matcher<ExpressionTree> LOCK =
      instanceMethod().onDescendantOf(LockRef.LOCK).namedAnyOf("lock", "lockInterruptibly");
  static final Matcher<ExpressionTree> TRY_LOCK =
      instanceMethod().onDescendantOf(LockRef.LOCK).named("tryLock");
  private static final Matcher<ExpressionTree> UNLOCK =
      instanceMethod().onDescendantOf(LockRef.LOCK).named("unlock");

  private HeldLocks() {}

  /** The locks held where {@code path} points, named in the code of its enclosing class. */
  static ImmutableSet<LockRef> at(TreePath path, VisitorState state) {
    List<TreePath> frames = new ArrayList<>();
    MethodTree method = null;
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof LambdaExpressionTree || parent instanceof ClassTree) {
        break;
      }
      frames.add(0, p);
      if (parent instanceof MethodTree m) {
        method = m;
        break;
      }
    }
    ClassTree enclosing = ASTHelpers.findEnclosingNode(path, ClassTree.class);
    ClassSymbol self = enclosing == null ? null : ASTHelpers.getSymbol(enclosing);
    if (self == null) {
      return ImmutableSet.of();
    }
    LockRef.Context context = LockRef.Context.of(self);
    Set<LockRef> held = new LinkedHashSet<>();
    if (method != null && method.getModifiers().getFlags().contains(Modifier.SYNCHRONIZED)) {
      MethodSymbol symbol = ASTHelpers.getSymbol(method);
      held.add(new LockRef(true,
          symbol != null && symbol.isStatic() ? new LockRef.ClassMonitor(self) : context.self(),
          null));
    }
    for (TreePath frame : frames) {
      Tree child = frame.getLeaf();
      Tree parent = frame.getParentPath().getLeaf();
      if (parent instanceof SynchronizedTree sync && child == sync.getBlock()) {
        addIfNamed(held, LockRef.ofMonitor(sync.getExpression(), context));
      } else if (parent instanceof IfTree branch) {
        boolean negated = isNegated(branch.getCondition());
        ExpressionTree tried = triedLock(branch.getCondition(), state);
        if (tried != null && child == (negated ? branch.getElseStatement()
            : branch.getThenStatement())) {
          addIfNamed(held, LockRef.ofLock(tried, context, state));
        }
      } else if (parent instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          before(statement, held, context, state);
        }
      }
    }
    return ImmutableSet.copyOf(held);
  }

  /** What a statement before the point does to the held locks. */
  private static void before(
      StatementTree statement, Set<LockRef> held, LockRef.Context context, VisitorState state) {
    if (statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && LOCK.matches(call, state)) {
      addIfNamed(held, LockRef.ofLock(receiver(call), context, state));
      return;
    }
    if (statement instanceof IfTree branch && isNegated(branch.getCondition())
        && endsAbruptly(branch.getThenStatement())) {
      ExpressionTree tried = triedLock(branch.getCondition(), state);
      if (tried != null) {
        addIfNamed(held, LockRef.ofLock(tried, context, state));
        return;
      }
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (UNLOCK.matches(call, state)) {
          LockRef released = LockRef.ofLock(receiver(call), context, state);
          if (released != null) {
            held.remove(released);
          }
        }
        return super.visitMethodInvocation(call, unused);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null;
      }
    }.scan(statement, null);
  }

  /** The lock {@code l} of a condition {@code l.tryLock(...)} or {@code !l.tryLock(...)}. */
  private static @Nullable ExpressionTree triedLock(ExpressionTree condition, VisitorState state) {
    ExpressionTree expression = ASTHelpers.stripParentheses(condition);
    if (expression instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      expression = ASTHelpers.stripParentheses(not.getExpression());
    }
    return expression instanceof MethodInvocationTree call && TRY_LOCK.matches(call, state)
        ? receiver(call)
        : null;
  }

  private static boolean isNegated(ExpressionTree condition) {
    return ASTHelpers.stripParentheses(condition).getKind() == Tree.Kind.LOGICAL_COMPLEMENT;
  }

  private static boolean endsAbruptly(StatementTree statement) {
    if (statement instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      return !statements.isEmpty() && endsAbruptly(statements.get(statements.size() - 1));
    }
    return statement instanceof ReturnTree || statement instanceof ThrowTree;
  }

  /** The receiver of {@code r.m()}; {@code this} for an unqualified call. */
  static ExpressionTree receiver(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    return select instanceof MemberSelectTree member ? member.getExpression() : select;
  }

  private static void addIfNamed(Set<LockRef> held, @Nullable LockRef lock) {
    if (lock != null) {
      held.add(lock);
    }
  }
}
