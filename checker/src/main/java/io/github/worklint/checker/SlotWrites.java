package io.github.worklint.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.sun.source.tree.VariableTree;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Every write of one slot field in its compilation unit, sorted by where it happens, for {@link
 * MisdeclaredWorkField}: whether the slot is initialised once, where, and whether adding {@code
 * final} (or dropping {@code static}) would still compile.
 */
/** Every write of one Work field in this compilation unit, sorted by where it happens. */
final class SlotWrites {
  /** All writes (plain assignments), wherever they are. */
  final List<AssignmentTree> all = new ArrayList<>();
  /** Writes in the constructors and instance initializers of the field's class, to this. */
  final List<AssignmentTree> initialisations = new ArrayList<>();
  /** The other writes. */
  final List<AssignmentTree> outside = new ArrayList<>();
  /** Whether no code outside this compilation unit can write or name the field. */
  boolean allVisible;
  /** Whether the field is used where an instance field could not be (a static context). */
  boolean staticUse;

  private final VarSymbol field;

  private SlotWrites(VarSymbol field) {
    this.field = field;
  }

  static SlotWrites of(VarSymbol field, ClassSymbol owner, VisitorState state) {
    SlotWrites writes = new SlotWrites(field);
    writes.allVisible = confinedToUnit(field);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree.getVariable()) == field) {
          writes.all.add(tree);
          Places.Place place = Places.of(getCurrentPath());
          (isInitialisation(place, tree.getVariable(), field, owner)
                  ? writes.initialisations
                  : writes.outside)
              .add(tree);
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == field && !Places.hasInstanceOf(getCurrentPath(), owner)) {
          writes.staticUse = true;
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == field
            && ASTHelpers.getSymbol(tree.getExpression()) instanceof ClassSymbol) {
          writes.staticUse = true; // Owner.field
        }
        return super.visitMemberSelect(tree, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    return writes;
  }

  /**
   * Whether a write of {@code variable} at {@code place} initialises the slot: in a static
   * initializer of its class for a static field; in a constructor or instance initializer of its
   * class, through {@code this}, for an instance field.
   */
  static boolean isInitialisation(
      Places.@Nullable Place place,
      ExpressionTree variable,
      VarSymbol field,
      ClassSymbol owner) {
    if (place == null || place.owner() != owner) {
      return false;
    }
    if (ASTHelpers.isStatic(field)) {
      return place.kind() == Places.Kind.STATIC_INITIALIZER;
    }
    return place.constructs(owner)
        && Construction.isOwnReceiver(Construction.qualifier(variable), owner);
  }

  /**
   * Whether every constructor that does not delegate to {@code this(...)} assigns the field
   * exactly once, as a statement of its own body, and nothing else writes it: then the field
   * can be final.
   */
  boolean onceInEveryConstructor(ClassTree ownerTree) {
    int constructors = 0;
    int assigned = 0;
    for (Tree member : ownerTree.getMembers()) {
      if (!(member instanceof MethodTree method) || !isConstructor(method) || delegates(method)) {
        continue;
      }
      constructors++;
      BlockTree body = method.getBody();
      if (body == null) {
        return false;
      }
      int here = 0;
      for (StatementTree statement : body.getStatements()) {
        if (statement instanceof ExpressionStatementTree expression
            && expression.getExpression() instanceof AssignmentTree assignment
            && all.contains(assignment)) {
          here++;
        }
      }
      if (here != 1) {
        return false;
      }
      assigned += here;
    }
    return constructors > 0 && assigned == all.size();
  }

  /**
   * Whether an instance initializer assigns the field, or else every constructor that does not
   * delegate to {@code this(...)} does (somewhere in its body).
   */
  boolean initialisedByEveryConstructor(ClassTree ownerTree) {
    for (Tree member : ownerTree.getMembers()) {
      if (member instanceof BlockTree block && !block.isStatic() && assignsIn(block)) {
        return true;
      }
    }
    for (Tree member : ownerTree.getMembers()) {
      if (member instanceof MethodTree method
          && isConstructor(method)
          && !delegates(method)
          && !assignsIn(method)) {
        return false;
      }
    }
    // A class without a constructor of its own has the default one, which assigns nothing: it
    // is a member here too (generated), so the loop above answered false.
    return true;
  }

  private boolean assignsIn(Tree code) {
    for (AssignmentTree write : initialisations) {
      if (contains(code, write)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(Tree code, Tree node) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean scan(Tree tree, Void unused) {
            return tree == node || Boolean.TRUE.equals(super.scan(tree, null));
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(code, null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean isConstructor(MethodTree method) {
    Symbol symbol = ASTHelpers.getSymbol(method);
    return symbol != null && symbol.isConstructor();
  }

  private static boolean delegates(MethodTree method) {
    BlockTree body = method.getBody();
    if (body == null || body.getStatements().isEmpty()) {
      return false;
    }
    return body.getStatements().get(0) instanceof ExpressionStatementTree first
        && first.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof IdentifierTree callee
        && callee.getName().contentEquals("this");
  }

  /**
   * Whether no other compilation unit can name the field: it is private, or it is in a
   * private, local or anonymous class.
   */
  private static boolean confinedToUnit(VarSymbol field) {
    if ((field.flags() & Flags.PRIVATE) != 0) {
      return true;
    }
    for (Symbol s = field.owner; s instanceof ClassSymbol c; s = c.owner) {
      if ((c.flags() & Flags.PRIVATE) != 0
          || c.isAnonymous()
          || !(c.owner instanceof ClassSymbol || c.owner.getKind() == ElementKind.PACKAGE)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "SlotWrites[" + field + ": " + all.size() + "]";
  }

  /** Adds final and drops static where the result compiles; empty when neither is safe. */
  Optional<SuggestedFix> fix(
      VariableTree tree,
      ClassSymbol owner,
      ClassTree ownerTree,
      boolean isStatic,
      boolean isFinal,
      VisitorState state) {
    if (!allVisible || !outside.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    boolean fixed = false;
    boolean instanceAfterFix = !isStatic;
    if (isStatic
        && tree.getInitializer() != null
        && all.isEmpty()
        && canHaveInstanceFields(owner)
        && !staticUse) {
      Optional<SuggestedFix> dropStatic =
          SuggestedFixes.removeModifiers(tree, state, Modifier.STATIC);
      if (dropStatic.isPresent()) {
        fix.merge(dropStatic.get());
        fixed = true;
        instanceAfterFix = true;
      }
    }
    boolean definitelyAssignedOnce =
        tree.getInitializer() != null
            ? all.isEmpty()
            : instanceAfterFix && onceInEveryConstructor(ownerTree);
    if (!isFinal && definitelyAssignedOnce) {
      Optional<SuggestedFix> addFinal = SuggestedFixes.addModifiers(tree, state, Modifier.FINAL);
      if (addFinal.isPresent()) {
        fix.merge(addFinal.get());
        fixed = true;
      }
    }
    return fixed ? Optional.of(fix.build()) : Optional.empty();
  }

  /** Whether an instance field may be declared in the class: not an interface or a record. */
  private static boolean canHaveInstanceFields(ClassSymbol owner) {
    ElementKind kind = owner.getKind();
    return kind == ElementKind.CLASS || kind == ElementKind.ENUM;
  }
}
