package io.github.worklint.workqueue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation whose targets are read reflectively. Error Prone recognises an annotation
 * meta-annotated with one of this simple name and keeps its targets out of its unused-code checks.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.CLASS)
@interface UsedReflectively {}
