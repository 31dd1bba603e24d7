package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
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
        && Slots.isFresh(initializer, state)) {
      return Description.NO_MATCH; // the usual, correct slot: no need to look for writes
    }
    SlotWrites writes = SlotWrites.of(field, owner, state);
    String p = pointer == null ? "work" : Names.of(pointer.tsym);
    String item = Names.of(owner);

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
              + (pointer == null ? "work" : Names.a(p)) + " is queued loses that work (cancel and"
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
    writes.fix(tree, owner, ownerTree, isStatic, isFinal, state)
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
    Places.Place place = Places.of(state.getPath());
    if (SlotWrites.isInitialisation(place, tree.getVariable(), field, owner)) {
      return ASTHelpers.isStatic(field) || Slots.isFresh(tree.getExpression(), state)
          ? Description.NO_MATCH
          : describeSharedInitialisation(tree, field, owner, state);
    }
    Type pointer = WorkTypes.slotPointer(field.type, state);
    String p = pointer == null ? "work" : Names.of(pointer.tsym);
    String item = Names.of(owner);
    String where = place == null ? "outside its class's code" : "in " + place.describe();
    return buildDescription(tree)
        .setMessage(
            String.format(
                "%s.%s (%s) is replaced %s, outside its declaration and the constructors of %s:"
                    + " %s queued in the old slot is lost to cancel and flush, and %s can then"
                    + " be queued again and run concurrently with itself. Create the slot once,"
                    + " with new Work<>() in its declaration.",
                item, field.getSimpleName(), typeName(field.type), where, item, Names.a(p), p))
        .build();
  }

  /** A constructor that assigns the slot something other than a fresh {@code new Work<>()}. */
  private Description describeSharedInitialisation(
      AssignmentTree tree, VarSymbol field, ClassSymbol owner, VisitorState state) {
    ExpressionTree source = tree.getExpression();
    return buildDescription(tree)
        .setMessage(
            String.format(
                "%s.%s (%s) is misdeclared: it is assigned %s in the constructor, not a fresh new"
                    + " Work<>(): %s. Assign new Work<>() instead.",
                Names.of(owner), field.getSimpleName(), typeName(field.type),
                describeSource(source, state), consequence(source)))
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
      SlotWrites writes,
      VisitorState state) {
    if ((field.flags() & Flags.RECORD) != 0) {
      return "it is a record component, so it is initialised from a constructor argument, not"
          + " with a fresh new Work<>(), and " + SHARED;
    }
    ExpressionTree initializer = tree.getInitializer();
    if (initializer != null) {
      return Slots.isFresh(initializer, state)
          ? null
          : "it is initialised " + describeSource(initializer, state) + ", not with a fresh new"
              + " Work<>(): " + consequence(initializer);
    }
    for (AssignmentTree write : writes.initialisations) {
      if (!Slots.isFresh(write.getExpression(), state)) {
        return null; // reported at that assignment, its cause
      }
    }
    if (writes.initialisations.isEmpty()) {
      return "it is never initialised in its declaration or a constructor of "
          + Names.of(owner) + ": " + NULL;
    }
    if (!writes.initialisedByEveryConstructor(ownerTree)) {
      return "a constructor of " + Names.of(owner) + " leaves it null, so an"
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
      return "the result may be null (an enqueue throws IllegalStateException) or shared, and"
          + " a shared Work has one pending state for two items, so one item's work is lost";
    }
    return SHARED;
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
    return (type.getTypeArguments().isEmpty() ? "raw " : "") + Names.type(type);
  }
}
