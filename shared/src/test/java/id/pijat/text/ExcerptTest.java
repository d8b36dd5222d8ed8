package id.pijat.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcerptTest {
  @Test
  void aShortValueIsRepeatedAsItWasSent() {
    assertEquals("Asia/Bali", Excerpt.of("Asia/Bali"));
  }

  @Test
  void aLongValueIsCutAfterFortyCharactersWithAnEllipsis() {
    assertEquals("x".repeat(40) + "\u2026", Excerpt.of("x".repeat(10_000)));
  }

  @Test
  void fortyEmojiAreFortyCharacters() {
    String forty = "\uD83D\uDE00".repeat(40);

    assertEquals(forty, Excerpt.of(forty));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
    "'\u202Eevil'                 | evil",
    "'a\u0000b\u001Bc\u007Fd'     | abcd",
    "'one\u2028two\u2029three'    | onetwothree",
    "'zero\u200Bwidth\uFEFF'      | zerowidth",
    "'<script>alert(1)</script>' | scriptalert(1)/script",
    "'\uD800lone'                 | lone",
  })
  void controlsFormatCharactersSeparatorsAndMarkupAreLeftOut(String value, String shown) {
    assertEquals(shown, Excerpt.of(value));
  }

  @Test
  void aRuleIsSaidAloneWhenNothingOfTheValueMayBeShown() {
    assertEquals("must be HH:MM", Excerpt.after("must be HH:MM", "\u202E\u200B"));
    assertEquals("must be HH:MM: 9am", Excerpt.after("must be HH:MM", "9am"));
  }
}
