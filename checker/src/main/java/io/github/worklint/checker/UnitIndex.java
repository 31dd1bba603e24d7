package io.github.worklint.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declarations of the compilation unit being checked that the lock analysis looks up by
 * symbol: method bodies (to follow a call), variable initialisers (to see which item a pointer
 * was built from) and the {@code enqueue} calls (to see what is queued on a queue). Built once
 * per unit, on the first question.
 */
final class UnitIndex {

  /** An {@code enqueue(p)} call and where it is. */
  record Enqueue(MethodInvocationTree call, TreePath path) {}

  /** A one-entry cache: javac hands the checks one compilation unit at a time. */
  private static final Supplier<Cache> CACHE = VisitorState.memoize(s -> new Cache());

  private final Map<Symbol, MethodTree> methods = new HashMap<>();
  private final Map<Symbol, VariableTree> variables = new HashMap<>();
  private final List<Enqueue> enqueues = new ArrayList<>();

  private UnitIndex(CompilationUnitTree unit) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          methods.put(symbol, tree);
        }
        return super.visitMethod(tree, unused);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          variables.put(symbol, tree);
        }
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && symbol.getSimpleName().contentEquals("enqueue")
            && symbol.owner.getQualifiedName().contentEquals(WorkTypes.WORK_QUEUE)
            && tree.getArguments().size() == 1) {
          enqueues.add(new Enqueue(tree, getCurrentPath()));
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(unit, null);
  }

  static UnitIndex of(VisitorState state) {
    return CACHE.get(state).get(state.getPath().getCompilationUnit());
  }

  /** The body of a method declared in this unit, or null. */
  @Nullable MethodTree method(Symbol method) {
    return methods.get(method);
  }

  /** The declaration of a variable or field declared in this unit, or null. */
  @Nullable VariableTree variable(Symbol variable) {
    return variables.get(variable);
  }

  ImmutableList<Enqueue> enqueues() {
    return ImmutableList.copyOf(enqueues);
  }

  private static final class Cache {
    private @Nullable CompilationUnitTree unit;
    private @Nullable UnitIndex index;

    UnitIndex get(CompilationUnitTree current) {
      UnitIndex cached = index;
      if (current != unit || cached == null) {
        unit = current;
        cached = new UnitIndex(current);
        index = cached;
      }
      return cached;
    }
  }
}
