package io.github.worklint.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The locks a pointer type's {@code run()} takes, named relative to its item: {@code
 * synchronized} blocks and {@code lock()}/{@code lockInterruptibly()}/{@code tryLock()} in run()
 * itself, and in the methods of the item (or of the pointer) that it calls, {@code synchronized}
 * methods included, down to {@link #CALL_DEPTH} calls below run(). Only methods declared in the
 * compilation unit are followed; code in a lambda or a nested class runs later, not in the run.
 */
final class RunLocks {

  /** run() calls item.m() (one), which calls this.n() (two): n's locks are still found. */
  static final int CALL_DEPTH = 2;

  /** A lock the run takes, and where, for the message: "in Connection.flush() at line 23". */
  record Taken(LockRef lock, String where) {}

  private RunLocks() {}

  /** What {@code pointer}'s run() takes; empty if its run() is not in this compilation unit. */
  static ImmutableList<Taken> of(ClassSymbol pointer, VisitorState state) {
    Type item = Pointers.item(pointer.type, state);
    MethodTree run = null;
    UnitIndex index = UnitIndex.of(state);
    for (Symbol member : pointer.getEnclosedElements()) {
      if (member instanceof MethodSymbol method && Pointers.isRun(method, state)) {
        run = index.method(method);
      }
    }
    if (run == null || item == null || !(item.tsym instanceof ClassSymbol itemClass)) {
      return ImmutableList.of();
    }
    List<Taken> taken = new ArrayList<>();
    new Walk(state, index, itemClass, taken).method(run, LockRef.Context.pointer(pointer), 0);
    return ImmutableList.copyOf(taken);
  }

  /** One scan of run() and the methods it calls, each in its own naming context. */
  private record Walk(VisitorState state, UnitIndex index, ClassSymbol item, List<Taken> taken) {

    void method(MethodTree method, LockRef.Context context, int depth) {
      if (method.getBody() == null) {
        return;
      }
      MethodSymbol symbol = ASTHelpers.getSymbol(method);
      String name = symbol == null ? method.getName().toString()
          : symbol.owner.getSimpleName() + "." + symbol.getSimpleName() + "()";
      LineMap lines = state.getPath().getCompilationUnit().getLineMap();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitSynchronized(SynchronizedTree tree, Void unused) {
          add(LockRef.ofMonitor(tree.getExpression(), context), tree);
          return super.visitSynchronized(tree, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (HeldLocks.LOCK.matches(call, state) || HeldLocks.TRY_LOCK.matches(call, state)) {
            add(LockRef.ofLock(HeldLocks.receiver(call), context, state), call);
          } else if (depth < CALL_DEPTH) {
            call(call, context, depth);
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

        private void add(@Nullable LockRef lock, Tree where) {
          if (lock != null) {
            long line = lines.getLineNumber(ASTHelpers.getStartPosition(where));
            taken.add(new Taken(lock, "in " + name + " at line " + line));
          }
        }
      }.scan(method.getBody(), null);
      if (method.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.SYNCHRONIZED)
          && context.selfIsItem() && symbol != null && !symbol.isStatic()) {
        long line = lines.getLineNumber(ASTHelpers.getStartPosition(method));
        taken.add(new Taken(new LockRef(true, new LockRef.Item(), null),
            "in " + name + " (synchronized) at line " + line));
      }
    }

    /** Follows a call to a method of the item, or of the pointer itself, declared in the unit. */
    void call(MethodInvocationTree call, LockRef.Context context, int depth) {
      MethodSymbol callee = ASTHelpers.getSymbol(call);
      if (callee == null || callee.isStatic() || (callee.flags() & Flags.ABSTRACT) != 0) {
        return;
      }
      ExpressionTree select = call.getMethodSelect();
      LockRef.Owner receiver = select instanceof IdentifierTree
          ? context.self()
          : LockRef.owner(((MemberSelectTree) select).getExpression(), context);
      LockRef.Context next;
      if (receiver instanceof LockRef.Item) {
        next = LockRef.Context.item(item);
      } else if (receiver instanceof LockRef.This self && context.pointer() != null
          && self.type().equals(context.pointer())) {
        next = context;
      } else {
        return;
      }
      MethodTree body = index.method(callee);
      if (body != null) {
        method(body, next, depth + 1);
      }
    }
  }
}
