package id.pijat.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.ServiceDuration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** createBooking's body, good and bad, as a table: every bad one names its field. */
class NewBookingValidationTest {
  private static final String ADDRESS = "\"location\":{\"address\":\"Jl. Sunset Road 88\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}}";
  private static final String CUSTOMER = "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"081234567890\"}";

  private static NewBooking parse(String body) {
    return BookingInput.newBooking(JsonInput.parse(body));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "duration as string        | {\"serviceDuration\":\"90\"," + ADDRESS + "," + CUSTOMER + "}                       | 90  | +6281234567890",
    "duration as number        | {\"serviceDuration\":120," + ADDRESS + "," + CUSTOMER + "}                          | 120 | +6281234567890",
    "duration as 60.0          | {\"serviceDuration\":60.0," + ADDRESS + "," + CUSTOMER + "}                         | 60  | +6281234567890",
    "client price is ignored   | {\"serviceDuration\":60,\"price\":1," + ADDRESS + "," + CUSTOMER + "}                | 60  | +6281234567890",
    "whatsapp +62 with spaces  | {\"serviceDuration\":60," + ADDRESS + ",\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"+62 812-3456-7890\"}} | 60 | +6281234567890",
    "whatsapp 62 prefix        | {\"serviceDuration\":60," + ADDRESS + ",\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"62812345678\"}}       | 60 | +62812345678",
  })
  void acceptsAndNormalises(String name, String body, int minutes, String whatsapp) {
    NewBooking booking = parse(body);

    assertEquals(ServiceDuration.ofMinutes(minutes), booking.duration());
    assertEquals(whatsapp, booking.customer().whatsapp().value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "empty body                 | ''                                                        | body",
    "not JSON                   | {serviceDuration: 60                                      | body",
    "JSON array                 | [1,2]                                                     | body",
    "trailing garbage           | {\"serviceDuration\":60} {}                               | body",
    "deeply nested garbage      | " + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + "       | body",
    "duration 45                | {\"serviceDuration\":45," + ADDRESS + "," + CUSTOMER + "}   | serviceDuration",
    "duration in fullwidth      | {\"serviceDuration\":\"\uFF16\uFF10\"," + ADDRESS + "," + CUSTOMER + "} | serviceDuration",
    "duration with a plus       | {\"serviceDuration\":\"+60\"," + ADDRESS + "," + CUSTOMER + "}   | serviceDuration",
    "duration zero-padded       | {\"serviceDuration\":\"060\"," + ADDRESS + "," + CUSTOMER + "}   | serviceDuration",
    "duration padded with space | {\"serviceDuration\":\" 60\\n\"," + ADDRESS + "," + CUSTOMER + "} | serviceDuration",
    "duration as string 60.0    | {\"serviceDuration\":\"60.0\"," + ADDRESS + "," + CUSTOMER + "}  | serviceDuration",
    "duration as boolean        | {\"serviceDuration\":true," + ADDRESS + "," + CUSTOMER + "} | serviceDuration",
    "duration missing           | {" + ADDRESS + "," + CUSTOMER + "}                         | serviceDuration",
    "location not an object     | {\"serviceDuration\":60,\"location\":\"Kuta\"," + CUSTOMER + "} | location",
    "address too short          | {\"serviceDuration\":60,\"location\":{\"address\":\"Kut\",\"coordinates\":{\"lat\":1,\"lng\":1}}," + CUSTOMER + "} | location.address",
    "address with U+2028        | {\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta\u20281\",\"coordinates\":{\"lat\":1,\"lng\":1}}," + CUSTOMER + "} | location.address",
    "address of selectors       | {\"serviceDuration\":60,\"location\":{\"address\":\"\uFE0F\uFE0F\uFE0F\uFE0F\uFE0F\",\"coordinates\":{\"lat\":1,\"lng\":1}}," + CUSTOMER + "} | location.address",
    "name of combining marks    | {\"serviceDuration\":60," + ADDRESS + ",\"customerDetails\":{\"name\":\"\u0301\u0301\u0301\",\"whatsapp\":\"081234567890\"}} | customerDetails.name",
    "latitude out of range      | {\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta 1\",\"coordinates\":{\"lat\":91,\"lng\":1}}," + CUSTOMER + "} | location.coordinates.lat",
    "longitude out of range     | {\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta 1\",\"coordinates\":{\"lat\":1,\"lng\":-181}}," + CUSTOMER + "} | location.coordinates.lng",
    "longitude as string        | {\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta 1\",\"coordinates\":{\"lat\":1,\"lng\":\"1\"}}," + CUSTOMER + "} | location.coordinates.lng",
    "name of one letter         | {\"serviceDuration\":60," + ADDRESS + ",\"customerDetails\":{\"name\":\" B \",\"whatsapp\":\"081234567890\"}} | customerDetails.name",
    "whatsapp from abroad       | {\"serviceDuration\":60," + ADDRESS + ",\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"+4915112345678\"}} | customerDetails.whatsapp",
    "whatsapp with letters      | {\"serviceDuration\":60," + ADDRESS + ",\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"0812abc\"}} | customerDetails.whatsapp",
    "whatsapp landline          | {\"serviceDuration\":60," + ADDRESS + ",\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"0215551234\"}} | customerDetails.whatsapp",
    "scheduledAt without offset | {\"serviceDuration\":60," + ADDRESS + "," + CUSTOMER + ",\"scheduledAt\":\"2026-12-01T10:00:00\"} | scheduledAt",
    "unknown field              | {\"serviceDuration\":60," + ADDRESS + "," + CUSTOMER + ",\"tip\":5} | tip",
  })
  void refusesNamingTheField(String name, String body, String field) {
    Rejection rejection = assertThrows(Rejection.class, () -> parse(body));

    assertEquals(ErrorCode.INVALID_INPUT, rejection.code());
    assertEquals(field, rejection.details().get(0).field());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "duration twice            | {\"serviceDuration\":\"60\",\"serviceDuration\":\"90\"," + ADDRESS + "," + CUSTOMER + "}  | serviceDuration",
    "duration twice, same value | {\"serviceDuration\":60,\"serviceDuration\":60," + ADDRESS + "," + CUSTOMER + "}         | serviceDuration",
    "address twice             | {\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta 1\",\"address\":\"Jl. Legian 2\",\"coordinates\":{\"lat\":1,\"lng\":1}}," + CUSTOMER + "} | location.address",
    "latitude twice            | {\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta 1\",\"coordinates\":{\"lat\":1,\"lat\":2,\"lng\":1}}," + CUSTOMER + "} | location.coordinates.lat",
    "key twice inside a list   | {\"serviceDuration\":60," + ADDRESS + "," + CUSTOMER + ",\"tip\":[{\"a\":1},{\"b\":1,\"b\":2}]} | tip[1].b",
  })
  void aKeyGivenTwiceIsRefusedNamingItsPath(String name, String body, String field) {
    Rejection rejection = assertThrows(Rejection.class, () -> parse(body));

    assertEquals(ErrorCode.INVALID_INPUT, rejection.code());
    assertEquals(java.util.List.of(new id.pijat.error.FieldProblem(field, "is given more than once")), rejection.details());
  }

  @org.junit.jupiter.api.Test
  void theSameKeyInTwoObjectsIsNoRepeat() {
    NewBooking booking = parse("{\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta 1\",\"coordinates\":{\"lat\":1,\"lng\":1}},"
        + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"081234567890\"}}");

    assertEquals(ServiceDuration.MINUTES_60, booking.duration());
  }

  @org.junit.jupiter.api.Test
  void aMessageNamesTheFieldOnce() {
    Rejection rejection = assertThrows(Rejection.class, () -> parse(
        "{\"serviceDuration\":60,\"location\":{\"address\":\"Kut\",\"coordinates\":{\"lat\":1,\"lng\":1}}," + CUSTOMER + "}"));

    assertEquals("location.address must be 5 to 500 characters: 3", rejection.getMessage());
    assertEquals(java.util.List.of(new id.pijat.error.FieldProblem("location.address", "must be 5 to 500 characters: 3")), rejection.details());
  }

  @org.junit.jupiter.api.Test
  void aLongUnknownFieldIsNamedByAnExcerptWithoutItsControls() {
    String key = "\u202E<b>" + "k".repeat(10_000);
    Rejection rejection = assertThrows(Rejection.class, () -> parse("{\"serviceDuration\":60," + ADDRESS + "," + CUSTOMER + ",\"" + key + "\":1}"));

    String shown = "b" + "k".repeat(39) + "\u2026";
    assertEquals(java.util.List.of(new id.pijat.error.FieldProblem(shown, "is not a known field")), rejection.details());
    assertEquals(shown + " is not a known field", rejection.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aMegabyteStringIsRefusedUnread() {
    String body = "{\"serviceDuration\":60,\"customerDetails\":{\"name\":\"" + "x".repeat(1_000_000) + "\"}}";

    Rejection rejection = assertThrows(Rejection.class, () -> parse(body));

    assertEquals("body", rejection.details().get(0).field());
  }

  @org.junit.jupiter.api.Test
  void aBodyOfFewerCharactersThanTheLimitButMoreBytesIsRefused() {
    // 11 000 characters, 33 000 bytes in UTF-8, in a field that is otherwise ignored
    String body = "{\"serviceDuration\":60,\"price\":\"" + "\u20AC".repeat(11_000) + "\"," + ADDRESS + "," + CUSTOMER + "}";

    Rejection rejection = assertThrows(Rejection.class, () -> parse(body));

    assertEquals(java.util.List.of(new id.pijat.error.FieldProblem("body", "must be at most 32768 bytes")), rejection.details());
  }

  @org.junit.jupiter.api.Test
  void aValueNestedAsDeepAsTheBodyAllowsIsRefusedNamingItsField() {
    String body = "{\"serviceDuration\":" + "[".repeat(8_000) + "]".repeat(8_000) + "}";

    Rejection rejection = assertThrows(Rejection.class, () -> parse(body));

    assertEquals("serviceDuration", rejection.details().get(0).field());
  }

  @org.junit.jupiter.api.Test
  void everyProblemIsReportedAtOnce() {
    Rejection rejection = assertThrows(Rejection.class, () -> parse("{\"serviceDuration\":45,\"customerDetails\":{}}"));

    assertEquals(
        java.util.List.of("serviceDuration", "location", "customerDetails.name", "customerDetails.whatsapp"),
        rejection.details().stream().map(id.pijat.error.FieldProblem::field).toList());
  }

  @org.junit.jupiter.api.Test
  void aPositionOffBothAxesNamesEachFieldWithCoordinatesOwnRule() {
    Rejection rejection = assertThrows(Rejection.class, () -> parse(
        "{\"serviceDuration\":60,\"location\":{\"address\":\"Jl. Kuta 1\",\"coordinates\":{\"lat\":-91,\"lng\":200}}," + CUSTOMER + "}"));

    assertEquals(
        java.util.List.of(
            new id.pijat.error.FieldProblem("location.coordinates.lat", "latitude must be between -90 and 90: -91.0"),
            new id.pijat.error.FieldProblem("location.coordinates.lng", "longitude must be between -180 and 180: 200.0")),
        rejection.details());
  }

  @org.junit.jupiter.api.Test
  void scheduledAtKeepsTheInstantItsOffsetNames() {
    NewBooking booking = parse("{\"serviceDuration\":60," + ADDRESS + "," + CUSTOMER + ",\"scheduledAt\":\"2026-12-01T10:00:00+08:00\"}");

    assertEquals(Instant.parse("2026-12-01T02:00:00Z"), booking.scheduledAt());
  }

  @org.junit.jupiter.api.Test
  void scheduledAtFinerThanAMillisecondIsKeptToTheMillisecondAsItIsStored() {
    // the create's answer showed .123456789 and every later answer .123, read back from the document
    NewBooking booking = parse("{\"serviceDuration\":60," + ADDRESS + "," + CUSTOMER + ",\"scheduledAt\":\"2026-12-01T10:00:00.123456789+08:00\"}");

    assertEquals(Instant.parse("2026-12-01T02:00:00.123Z"), booking.scheduledAt());
  }
}
