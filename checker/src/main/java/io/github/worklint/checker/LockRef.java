package io.github.worklint.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * A lock named in code, by identity: the monitor of an object, or a final field of an object used
 * as a monitor or as a {@code java.util.concurrent.locks.Lock}. Two names are the same lock when
 * they are equal; a lock reached any other way (a method's result, a non-final field) has no
 * name, because the code does not show that it is the same object each time.
 *
 * @param monitor a {@code synchronized} monitor rather than a {@code Lock}'s {@code lock()}
 * @param owner the object: {@link This}, {@link Item}, {@link Var}, or null for a static field
 * @param field the final field of {@code owner} (or static final field), null for the monitor of
 *     {@code owner} itself
 */
record LockRef(boolean monitor, @Nullable Owner owner, @Nullable VarSymbol field) {

  static final String LOCK = "java.util.concurrent.locks.Lock";
  private static final Supplier<Type> LOCK_TYPE = Suppliers.typeFromString(LOCK);

  /** Whose lock it is. */
  sealed interface Owner permits This, Item, Var, ClassMonitor {}

  /** {@code this} of a class, in the code of that class. */
  record This(ClassSymbol type) implements Owner {}

  /** The item of the pointer whose run is analysed: {@code item} there, {@code this} in the item. */
  record Item() implements Owner {}

  /** The object held by a local variable, a parameter or a field. */
  record Var(VarSymbol variable) implements Owner {}

  /** The monitor of a class object: {@code synchronized (C.class)} or a static synchronized method. */
  record ClassMonitor(ClassSymbol type) implements Owner {}

  /** How code names the objects it locks: what {@code this} is, and whether {@code item} is. */
  record Context(ClassSymbol type, boolean selfIsItem, @Nullable ClassSymbol pointer) {

    /** Code of the class {@code self}, the waiter's side. */
    static Context of(ClassSymbol self) {
      return new Context(self, false, null);
    }

    /** A pointer's run(): {@code item}, {@code item()} and {@code this.item} are the item. */
    static Context pointer(ClassSymbol pointer) {
      return new Context(pointer, false, pointer);
    }

    /** A method of the item: {@code this} is the item. */
    static Context item(ClassSymbol item) {
      return new Context(item, true, null);
    }

    Owner self() {
      return selfIsItem ? new Item() : new This(type);
    }
  }

  /** The lock named by the expression of {@code synchronized (e)}, or null. */
  static @Nullable LockRef ofMonitor(ExpressionTree expression, Context context) {
    return of(expression, context, true);
  }

  /** The lock named by the receiver of {@code e.lock()}, or null if it is not a final Lock. */
  static @Nullable LockRef ofLock(ExpressionTree receiver, Context context, VisitorState state) {
    Type lock = LOCK_TYPE.get(state);
    Type type = ASTHelpers.getType(receiver);
    if (lock == null || type == null || !state.getTypes().isSubtype(
        state.getTypes().erasure(type), state.getTypes().erasure(lock))) {
      return null;
    }
    return of(receiver, context, false);
  }

  private static @Nullable LockRef of(ExpressionTree tree, Context context, boolean monitor) {
    ExpressionTree expression = ASTHelpers.stripParentheses(tree);
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (symbol instanceof VarSymbol field && field.getKind() == ElementKind.FIELD
        && !isThis(expression)
        && !(context.pointer() != null && isPointersItem(expression, context.pointer()))) {
      if ((field.flags() & Flags.FINAL) == 0) {
        return null;
      }
      if (field.isStatic()) {
        return new LockRef(monitor, null, field);
      }
      Owner owner = expression instanceof MemberSelectTree select
          ? owner(select.getExpression(), context)
          : context.self();
      return owner == null ? null : new LockRef(monitor, owner, field).normalized();
    }
    Owner whole = owner(expression, context);
    return whole == null ? null : new LockRef(monitor, whole, null);
  }

  /**
   * One name per lock: a final field {@code f} of {@code this} is the object {@code f} denotes in
   * the waiter's code ({@code synchronized (f)} and {@code synchronized (this.f)} are one lock).
   */
  private LockRef normalized() {
    return owner instanceof This && field != null && !field.isStatic()
        ? new LockRef(monitor, new Var(field), null)
        : this;
  }

  /** The object an expression denotes, when the code shows which one; else null. */
  static @Nullable Owner owner(ExpressionTree tree, Context context) {
    ExpressionTree expression = ASTHelpers.stripParentheses(tree);
    if (expression instanceof IdentifierTree id && id.getName().contentEquals("this")) {
      return context.self();
    }
    if (expression instanceof MemberSelectTree select) {
      String name = select.getIdentifier().toString();
      Symbol qualifier = ASTHelpers.getSymbol(select.getExpression());
      if (name.equals("this") && qualifier instanceof ClassSymbol type) {
        return type.equals(context.type()) ? context.self() : new This(type);
      }
      if (name.equals("class") && qualifier instanceof ClassSymbol type) {
        return new ClassMonitor(type);
      }
    }
    if (context.pointer() != null && isPointersItem(expression, context.pointer())) {
      return new Item();
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (expression instanceof IdentifierTree && symbol instanceof VarSymbol variable
        && !variable.isStatic()) {
      if (variable.getKind() != ElementKind.FIELD) {
        return new Var(variable);
      }
      // A final field of this, in the waiter's code; an item's own fields have no Owner.
      boolean waiters = !context.selfIsItem() && context.pointer() == null;
      return waiters && (variable.flags() & Flags.FINAL) != 0 ? new Var(variable) : null;
    }
    return null;
  }

  /** {@code this} or {@code C.this}, whose symbol javac makes a field. */
  private static boolean isThis(ExpressionTree expression) {
    return expression instanceof IdentifierTree id ? id.getName().contentEquals("this")
        : expression instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("this");
  }

  /** {@code item}, {@code this.item}, {@code item()} or {@code this.item()} of the pointer. */
  private static boolean isPointersItem(ExpressionTree expression, ClassSymbol pointer) {
    ExpressionTree named = expression;
    if (named instanceof MethodInvocationTree call) {
      if (!call.getArguments().isEmpty()) {
        return false;
      }
      named = call.getMethodSelect();
    }
    if (named instanceof MemberSelectTree select) {
      ExpressionTree qualifier = ASTHelpers.stripParentheses(select.getExpression());
      if (!(qualifier instanceof IdentifierTree id && id.getName().contentEquals("this"))) {
        return false;
      }
    }
    Symbol symbol = ASTHelpers.getSymbol(named);
    return symbol != null && symbol.owner == pointer && !symbol.isStatic()
        && symbol.getSimpleName().contentEquals("item");
  }

  /**
   * A lock the run takes as the waiter names it, given what the waited-for pointer's item is
   * there; null when the waiter cannot name it. Static locks and class monitors are the same
   * everywhere; the run's own {@code this} (a pointer instance) and locals are not the waiter's.
   */
  @Nullable LockRef seenFrom(@Nullable Owner item) {
    if (owner == null || owner instanceof ClassMonitor) {
      return this;
    }
    return owner instanceof Item && item != null
        ? new LockRef(monitor, item, field).normalized()
        : null;
  }

  /** "the monitor of this", "the Lock Connection.lock", "the Lock conn.lock", for messages. */
  String describe() {
    String kind = monitor ? "the monitor of " : "the Lock ";
    if (field != null && field.isStatic()) {
      return kind + field.owner.getSimpleName() + "." + field.getSimpleName();
    }
    String object = owner instanceof This ? "this"
        : owner instanceof Var v ? name(v.variable())
        : owner instanceof ClassMonitor c ? c.type().getSimpleName() + ".class"
        : "item";
    return kind + (field == null ? object : object + "." + field.getSimpleName());
  }

  private static String name(VarSymbol variable) {
    return variable.getKind() == ElementKind.FIELD
        ? variable.owner.getSimpleName() + "." + variable.getSimpleName()
        : variable.getSimpleName().toString();
  }
}
