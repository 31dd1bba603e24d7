package io.github.worklint.workqueue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Work} field of a work item.
 *
 * <p>A slot is only ever read through its {@link HasWork} descriptor, that is reflectively, so
 * without this annotation Error Prone's {@code UnusedVariable} reports every private slot as never
 * read and IDEs call it unused. IntelliJ users can register {@code Slot} as an entry-point
 * annotation for the same effect in the IDE's own inspections.
 */
@Documented
@UsedReflectively
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Slot {}
