package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Work} field that is not declared as a slot must be: {@code final}, not {@code static},
 * typed {@code Work<P>} with a concrete pointer type, and initialised with a fresh {@code new
 * Work<>()} in its declaration or in every constructor. It is the Java form of pinning: the slot is
 * the queue node, so it must belong to exactly one item for the item's whole life.
 *
 * <ul>
 *   <li>A static slot is shared by every item: one item's pending work hides every other's.
 *   <li>A slot that is replaced while it is queued leaves the queued instance out of reach of
 *       {@code cancel} and {@code flush}, and the same work can then run twice at once. This
 *       check also flags each assignment to a slot outside its declaration, constructors and
 *       instance initializers.
 *   <li>A raw or wildcard {@code Work} is selected by no pointer type.
 *   <li>A slot taken from somewhere else (a parameter, another field, a method) may be shared
 *       by two items, so one item's enqueue is dropped while the other's is pending; a null slot
 *       makes every enqueue throw.
 * </ul>
 *
 * <p>Fields of the runtime's own package are not checked: its queue keeps links to slots in
 * fields that are not slots themselves.
 *
 * <p>{@code HasWork.of} rejects the first three at run time. The suggested fix adds {@code final}
 * and drops {@code static} where that compiles: every write of the field is visible in this
 * compilation unit and none is outside its declaration and constructors.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A Work slot must be a final instance field initialised with a fresh new Work<>()",
    severity = ERROR,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "MisdeclaredWorkField.md")
public final class MisdeclaredWorkField extends BugChecker
    implements VariableTreeMatcher, AssignmentTreeMatcher {

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    VarSymbol field = ASTHelpers.getSymbol(tree);
    if (field == null
        || field.getKind() != ElementKind.FIELD
        || !WorkTypes.isWork(field.type, state)
        || !(field.owner instanceof ClassSymbol owner)
        || inRuntime(owner)) {
      return Description.NO_MATCH;
    }
    TreePath parentPath = state.getPath().getParentPath();
    if (parentPath == null || !(parentPath.getLeaf() instanceof ClassTree ownerTree)) {
      return Description.NO_MATCH;
    }
    Type pointer = WorkTypes.slotPointer(field.type, state);
    boolean isStatic = ASTHelpers.isStatic(field);
    boolean isFinal = (field.flags() & Flags.FINAL) != 0;
    ExpressionTree initializer = tree.getInitializer();
    if (pointer != null
        && isFinal
        && !isStatic
        && initializer != null
        && isFresh(initializer, state)) {
      return Description.NO_MATCH; // the usual, correct slot: no need to look for writes
    }
    Writes writes = Writes.of(field, owner, state);
    String p = pointer == null ? "work" : pointer.tsym.getSimpleName().toString();
    String item = Construction.simpleName(owner);

    List<String> problems = new ArrayList<>();
    boolean rejected = false;
    if (isStatic) {
      problems.add(
          "it is static, so one slot is shared by every " + item + " and one item's pending "
              + (pointer == null ? "work" : p) + " hides every other's");
      rejected = true;
    }
    if (!isFinal) {
      problems.add(
          "it is not final, so replacing the slot while "
              + (pointer == null ? "work" : "a " + p) + " is queued loses that work (cancel and"
              + " flush no longer reach it, and it can run again concurrently)");
      rejected = true;
    }
    if (pointer == null) {
      problems.add(
          "it is declared as " + typeName(field.type) + ", which no pointer type selects");
      rejected = true;
    }
    if (!isStatic) {
      String initialisation = initialisationProblem(tree, field, owner, ownerTree, writes, state);
      if (initialisation != null) {
        problems.add(initialisation);
      }
    }
    if (problems.isEmpty()) {
      return Description.NO_MATCH;
    }
    String message =
        String.format(
            "%s.%s (%s) is misdeclared: %s.%s",
            item, field.getSimpleName(), typeName(field.type), String.join("; ", problems),
            rejected ? " HasWork.of rejects it at run time." : "");
    Description.Builder description = buildDescription(tree).setMessage(message);
    fix(tree, field, owner, ownerTree, writes, isStatic, isFinal, state)
        .ifPresent(description::addFix);
    return description.build();
  }

  @Override
  public Description matchAssignment(AssignmentTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    Symbol symbol = ASTHelpers.getSymbol(tree.getVariable());
    if (!(symbol instanceof VarSymbol field)
        || field.getKind() != ElementKind.FIELD
        || !WorkTypes.isWork(field.type, state)
        || !(field.owner instanceof ClassSymbol owner)
        || inRuntime(owner)) {
      return Description.NO_MATCH;
    }
    Construction.Place place = Construction.placeOf(state.getPath());
    if (Writes.isInitialisation(place, tree.getVariable(), field, owner)) {
      return Description.NO_MATCH;
    }
    Type pointer = WorkTypes.slotPointer(field.type, state);
    String p = pointer == null ? "work" : pointer.tsym.getSimpleName().toString();
    String item = Construction.simpleName(owner);
    String where = place == null ? "outside its class's code" : "in " + place.describe();
    return buildDescription(tree)
        .setMessage(
            String.format(
                "%s.%s (%s) is replaced %s, outside its declaration and the constructors of %s:"
                    + " a %s queued in the old slot is lost to cancel and flush, and %s can then"
                    + " be queued again and run concurrently with itself. Create the slot once,"
                    + " with new Work<>() in its declaration.",
                item, field.getSimpleName(), typeName(field.type), where, item, p, p))
        .build();
  }

  /**
   * Whether the field belongs to the runtime itself, whose queue keeps links to slots ({@code
   * Work<?> next}, {@code head}...) in fields that are not slots.
   */
  private static boolean inRuntime(ClassSymbol owner) {
    return owner.packge().getQualifiedName().contentEquals(WorkTypes.PACKAGE);
  }

  /** Why the slot is not a fresh {@code new Work<>()} of its own, or null if it is. */
  private static @Nullable String initialisationProblem(
      VariableTree tree,
      VarSymbol field,
      ClassSymbol owner,
      ClassTree ownerTree,
      Writes writes,
      VisitorState state) {
    if ((field.flags() & Flags.RECORD) != 0) {
      return "it is a record component, so it is initialised from a constructor argument, not"
          + " with a fresh new Work<>(), and " + SHARED;
    }
    ExpressionTree initializer = tree.getInitializer();
    if (initializer != null) {
      return isFresh(initializer, state)
          ? null
          : "it is initialised " + describeSource(initializer, state) + ", not with a fresh new"
              + " Work<>(): " + consequence(initializer);
    }
    for (AssignmentTree write : writes.initialisations) {
      if (!isFresh(write.getExpression(), state)) {
        return "it is assigned " + describeSource(write.getExpression(), state) + " in the"
            + " constructor, not a fresh new Work<>(): " + consequence(write.getExpression());
      }
    }
    if (writes.initialisations.isEmpty()) {
      return "it is never initialised in its declaration or a constructor of "
          + Construction.simpleName(owner) + ": " + NULL;
    }
    if (!writes.initialisedByEveryConstructor(ownerTree)) {
      return "a constructor of " + Construction.simpleName(owner) + " leaves it null, so an"
          + " enqueue on such an item throws IllegalStateException";
    }
    return null;
  }

  private static final String SHARED =
      "one Work shared by two items (or two slots) has one pending state, so an enqueue while"
          + " the other's work is pending returns false and the work is lost";

  private static final String NULL = "the slot is null, so an enqueue throws IllegalStateException";

  private static String consequence(ExpressionTree source) {
    ExpressionTree e = ASTHelpers.stripParentheses(source);
    if (e.getKind() == Tree.Kind.NULL_LITERAL) {
      return NULL;
    }
    if (e instanceof MethodInvocationTree) {
      return "the result may be null (an enqueue throws IllegalStateException) or shared: "
          + SHARED;
    }
    return SHARED;
  }

  /** {@code new Work<>()}, {@code new Work<P>()}, or a conditional between two of them. */
  private static boolean isFresh(ExpressionTree expression, VisitorState state) {
    ExpressionTree e = ASTHelpers.stripParentheses(expression);
    if (e instanceof NewClassTree created) {
      return created.getEnclosingExpression() == null
          && created.getClassBody() == null
          && WorkTypes.isWork(ASTHelpers.getType(created), state);
    }
    if (e instanceof ConditionalExpressionTree conditional) {
      return isFresh(conditional.getTrueExpression(), state)
          && isFresh(conditional.getFalseExpression(), state);
    }
    return false;
  }

  /** "from parameter work", "with null", "from a call to shared()"... */
  private static String describeSource(ExpressionTree expression, VisitorState state) {
    ExpressionTree e = ASTHelpers.stripParentheses(expression);
    if (e.getKind() == Tree.Kind.NULL_LITERAL) {
      return "with null";
    }
    if (e instanceof MethodInvocationTree call) {
      Symbol method = ASTHelpers.getSymbol(call);
      return method == null ? "from a method call" : "from a call to " + method.getSimpleName() + "()";
    }
    if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
      Symbol symbol = ASTHelpers.getSymbol(e);
      if (symbol != null) {
        switch (symbol.getKind()) {
          case FIELD:
            String source = state.getSourceForNode(e);
            return "from field " + (source != null ? source : symbol.getSimpleName());
          case PARAMETER:
            return "from parameter " + symbol.getSimpleName();
          case LOCAL_VARIABLE:
            return "from local variable " + symbol.getSimpleName();
          default:
            break;
        }
      }
    }
    return "from an expression";
  }

  /** "Work<Flush>", "raw Work", "Work<?>"... with simple names. */
  private static String typeName(Type type) {
    if (type.getTypeArguments().isEmpty()) {
      return "raw Work";
    }
    Type argument = type.getTypeArguments().get(0);
    return "Work<" + argument.toString().replaceAll("[\\w$]+\\.", "") + ">";
  }

  /** Adds final and drops static where the result compiles; empty when neither is safe. */
  private static Optional<SuggestedFix> fix(
      VariableTree tree,
      VarSymbol field,
      ClassSymbol owner,
      ClassTree ownerTree,
      Writes writes,
      boolean isStatic,
      boolean isFinal,
      VisitorState state) {
    if (!writes.allVisible || !writes.outside.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    boolean fixed = false;
    boolean instanceAfterFix = !isStatic;
    if (isStatic
        && tree.getInitializer() != null
        && writes.all.isEmpty()
        && canHaveInstanceFields(owner)
        && !writes.staticUse) {
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
            ? writes.all.isEmpty()
            : instanceAfterFix && writes.onceInEveryConstructor(ownerTree);
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

  /** Every write of one Work field in this compilation unit, sorted by where it happens. */
  private static final class Writes {
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

    private Writes(VarSymbol field) {
      this.field = field;
    }

    static Writes of(VarSymbol field, ClassSymbol owner, VisitorState state) {
      Writes writes = new Writes(field);
      writes.allVisible = confinedToUnit(field);
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree.getVariable()) == field) {
            writes.all.add(tree);
            Construction.Place place = Construction.placeOf(getCurrentPath());
            (isInitialisation(place, tree.getVariable(), field, owner)
                    ? writes.initialisations
                    : writes.outside)
                .add(tree);
          }
          return super.visitAssignment(tree, null);
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree) == field && !inInstanceCodeOf(getCurrentPath(), owner)) {
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
        Construction.@Nullable Place place,
        ExpressionTree variable,
        VarSymbol field,
        ClassSymbol owner) {
      if (place == null || place.owner() != owner) {
        return false;
      }
      if (ASTHelpers.isStatic(field)) {
        return place.kind() == Construction.Kind.STATIC_INITIALIZER;
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

    /** Whether a simple-name use at {@code path} has an instance of {@code owner} as this. */
    private static boolean inInstanceCodeOf(TreePath path, ClassSymbol owner) {
      Tree previous = path.getLeaf();
      for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
        Tree leaf = p.getLeaf();
        if (leaf instanceof MethodTree method) {
          Symbol symbol = ASTHelpers.getSymbol(method);
          if (symbol == null || ASTHelpers.isStatic(symbol)) {
            return false;
          }
        } else if (leaf instanceof ClassTree type) {
          ClassSymbol symbol = ASTHelpers.getSymbol(type);
          if (symbol == owner) {
            if (previous instanceof BlockTree block) {
              return !block.isStatic();
            }
            if (previous instanceof VariableTree member) {
              Symbol memberSymbol = ASTHelpers.getSymbol(member);
              return memberSymbol != null && !ASTHelpers.isStatic(memberSymbol);
            }
            return true;
          }
          if (symbol == null || ASTHelpers.isStatic(symbol)) {
            return false;
          }
          if (previous instanceof BlockTree block && block.isStatic()) {
            return false;
          }
          if (previous instanceof VariableTree member) {
            Symbol memberSymbol = ASTHelpers.getSymbol(member);
            if (memberSymbol == null || ASTHelpers.isStatic(memberSymbol)) {
              return false;
            }
          }
        }
        previous = leaf;
      }
      return false;
    }

    @Override
    public String toString() {
      return "Writes[" + field + ": " + all.size() + "]";
    }
  }
}
