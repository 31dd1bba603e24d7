package io.github.worklint.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeScanner;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which compilation units the checks look at, decided from symbols: a unit is checked when the
 * runtime is on the class path and some tree of the unit has a type that is a runtime type, a
 * subtype of one, or has one as a type argument. That covers imports and qualified names, but
 * also a superclass from another file, a {@code var}, and a static field of another file.
 *
 * <p>The answer is computed once per unit, at the first question, by one scan that stops at the
 * first hit; what each class symbol answered is remembered for the whole compilation. When the
 * runtime is absent, nothing but the one failed look-up of {@code Work} happens.
 */
final class Scope {

  /** One per compilation: javac hands the checks one compilation unit at a time. */
  private static final Supplier<Scope> SCOPE = VisitorState.memoize(s -> new Scope());

  private @Nullable CompilationUnitTree unit;
  private boolean touchesRuntime;
  private final Map<TypeSymbol, Boolean> verdicts = new IdentityHashMap<>();

  private Scope() {}

  static boolean inScope(VisitorState state) {
    if (WorkTypes.workType(state) == null) {
      return false;
    }
    return SCOPE.get(state).decide(state);
  }

  private boolean decide(VisitorState state) {
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (current != unit) {
      unit = current;
      touchesRuntime = current instanceof JCTree tree && new Finder(state.getTypes()).finds(tree);
    }
    return touchesRuntime;
  }

  /** Whether {@code type} is, extends, or is parameterized with a runtime type. */
  private boolean touches(@Nullable Type type, Types types, int depth) {
    if (type == null || depth > 4) {
      return false;
    }
    if (type.hasTag(TypeTag.ARRAY)) {
      return touches(types.elemtype(type), types, depth + 1);
    }
    if (!type.hasTag(TypeTag.CLASS)) {
      return false;
    }
    if (isRuntimeOrSubtype(type.tsym, types)) {
      return true;
    }
    for (Type argument : type.getTypeArguments()) {
      Type bound = argument.hasTag(TypeTag.WILDCARD) ? types.wildUpperBound(argument) : argument;
      if (touches(bound, types, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private boolean isRuntimeOrSubtype(TypeSymbol symbol, Types types) {
    Boolean known = verdicts.get(symbol);
    if (known != null) {
      return known;
    }
    boolean verdict = false;
    try {
      for (Type t : types.closure(symbol.type)) {
        if (inRuntime(t.tsym)) {
          verdict = true;
          break;
        }
      }
    } catch (Symbol.CompletionFailure e) {
      verdict = false; // a supertype is missing from the class path: nothing can be decided
    }
    verdicts.put(symbol, verdict);
    return verdict;
  }

  private static boolean inRuntime(@Nullable TypeSymbol symbol) {
    return symbol != null
        && symbol.packge() != null
        && symbol.packge().getQualifiedName().contentEquals(WorkTypes.PACKAGE);
  }

  /** Scans one unit's trees until one has a runtime-touching type. */
  private final class Finder extends TreeScanner {
    private final Types types;
    private boolean found;

    Finder(Types types) {
      this.types = types;
    }

    boolean finds(JCTree unit) {
      scan(unit);
      return found;
    }

    @Override
    public void scan(@Nullable JCTree tree) {
      if (found || tree == null) {
        return;
      }
      if (touches(tree.type, types, 0)) {
        found = true;
        return;
      }
      super.scan(tree);
    }

    @Override
    public void visitVarDef(JCTree.JCVariableDecl tree) {
      // A var has no type tree; its symbol has the inferred type.
      if (tree.sym != null && touches(tree.sym.type, types, 0)) {
        found = true;
        return;
      }
      super.visitVarDef(tree);
    }

    @Override
    public void visitImport(JCTree.JCImport tree) {
      // An import alone touches nothing: what matters is a use.
    }

    @Override
    public void visitPackageDef(JCTree.JCPackageDecl tree) {}
  }
}
