package io.github.worklint.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Names}: the article of generated text. */
class NamesTest {

  @Test
  void articleFollowsTheFirstLetter() {
    assertEquals("an Announce", Names.a("Announce"));
    assertEquals("an Item", Names.a("Item"));
    assertEquals("an item", Names.a("item"));
    assertEquals("a Flush", Names.a("Flush"));
    assertEquals("a Connection", Names.a("Connection"));
    assertEquals("a ", Names.a(""));
  }
}
