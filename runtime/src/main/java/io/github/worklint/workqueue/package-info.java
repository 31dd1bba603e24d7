/**
 * The worklint reference work queue: intrusive {@link io.github.worklint.workqueue.Work} slots,
 * one per kind of deferred work an item has, each selected by a pointer newtype that implements
 * {@link io.github.worklint.workqueue.WorkItemPointer}.
 */
@NullMarked
package io.github.worklint.workqueue;

import org.jspecify.annotations.NullMarked;
