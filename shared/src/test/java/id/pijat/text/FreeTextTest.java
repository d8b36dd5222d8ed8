package id.pijat.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "Budi                          | Budi",
    "'  Budi Santoso  '            | Budi Santoso",
    "Ni Luh Putu \u00C9mi           | Ni Luh Putu \u00C9mi",
    "\u0628\u0648\u062F\u064A              | \u0628\u0648\u062F\u064A",
    "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 | \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
  })
  void visibleTextIsKeptTrimmed(String text, String kept) {
    assertEquals(kept, FreeText.within(text, "name", 2, 100));
  }

  private static String refusal(String text) {
    return assertThrows(IllegalArgumentException.class, () -> FreeText.within(text, "name", 2, 100)).getMessage();
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x00, 0x07, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9F})
  void controlCharactersAreRefused(int control) {
    assertEquals("name must not contain control characters", refusal("Bu" + (char) control + "di"));
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x2028, 0x2029})
  void lineAndParagraphSeparatorsAreRefusedAsLineBreaks(int separator) {
    assertEquals("name must not contain control characters", refusal("Bu" + (char) separator + "di"));
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {"Budi\u2028Santoso", "Budi\u2029Santoso"})
  void aChatMessageKeepsLineAndParagraphSeparatorsAsLineBreaks(String text) {
    assertEquals("Budi\nSantoso", FreeText.withLines(text, "text", 1, 2000));
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {"\uFE0F\uFE0F", "\u0301\u0301", "\u034F\u034F", "\u180E\u180E", "\uDB40\uDC20\uDB40\uDC41",
      "\uE000\uE001", "\uFE0F\u0301\u200B", "\u115F\u1160", "\uFFA0\uFFA0"})
  void textOfVariationSelectorsCombiningMarksAndOtherIgnorablesIsRefused(String text) {
    assertEquals("name must contain visible characters", refusal(text));
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {"Rene\u0301", "\u2764\uFE0F", "\u0E01\u0E34", "!?", "\u20AC5"})
  void oneVisibleCharacterWithMarksOrSelectorsBesideItIsEnough(String text) {
    assertEquals(text, FreeText.within(text, "name", 2, 100));
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C})
  void textDirectionControlsAreRefused(int control) {
    assertEquals("name must not contain text direction controls", refusal("Budi" + (char) control + "x"));
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {"\u200B\u200B\u200B", "\u3164\u3164", "\uFEFF\u2060\u00AD", "\u2800\u2800", "\u200D\u200C"})
  void textMadeOnlyOfInvisibleCharactersIsRefused(String text) {
    assertEquals("name must contain visible characters", refusal(text));
  }

  @org.junit.jupiter.api.Test
  void anUnpairedSurrogateIsRefused() {
    assertEquals("name must be valid Unicode text", refusal("Bu\uD800di"));
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x2D800, 0x2DABC, 0x1DF0A, 0x1D800})
  void lettersBeyondTheBasicPlaneWhoseLowBitsLookLikeASurrogateAreKept(int letter) {
    String name = "Lim " + Character.toString(letter);
    assertEquals(name, FreeText.within(name, "name", 2, 100));
  }

  @ParameterizedTest(name = "{0} emoji")
  @ValueSource(ints = {100, 101})
  void lengthIsCountedInCharactersAsAppwriteCountsThem(int emoji) {
    String text = "\uD83D\uDE00".repeat(emoji);
    if (emoji <= 100) {
      assertEquals(text, FreeText.within(text, "name", 2, 100));
    } else {
      assertEquals("name must be 2 to 100 characters: 101",
          assertThrows(IllegalArgumentException.class, () -> FreeText.within(text, "name", 2, 100)).getMessage());
    }
  }
}
