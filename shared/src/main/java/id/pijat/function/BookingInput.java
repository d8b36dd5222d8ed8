package id.pijat.function;

import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.SearchProgress;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.text.FreeText;
import id.pijat.usecase.CancelBooking;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Reads each function's request body into domain values, naming every field that is wrong. */
public final class BookingInput {
  /** Fields the client may send to createBooking; price and currency are accepted and ignored: the price is the server's. */
  private static final Set<String> CREATE_FIELDS =
      Set.of(
          "userId", "serviceDuration", "location", "customerDetails", "scheduledAt",
          "idempotencyKey", "bookingToken", "price", "currency");

  private static final Set<String> SEARCH_CONFIG_FIELDS =
      Set.of("maxRadius", "maxSearchTime", "retryAttempts", "serviceDuration", "userLocation");

  /** searchTherapists' request. */
  public record Search(String bookingId, SearchConfig config, String searchId, boolean declineCurrent) {}

  /** checkSearchStatus' request; the search ID is optional and only echoed. */
  public record StatusCheck(String bookingId, String searchId) {}

  /** acceptTherapist's request. */
  public record Accept(String bookingId, String therapistId) {}

  /** cancelBooking's request. */
  public record Cancel(String bookingId, String reason) {}

  private BookingInput() {}

  public static Search search(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "searchConfig", "searchId", "declineCurrent", "bookingToken", "userId"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    SearchConfig config = searchConfig(body);
    String searchId = body.string("searchId", false, SearchProgress::searchId);
    Boolean decline = body.bool("declineCurrent", false);
    body.finish();
    return new Search(bookingId, config, searchId, Boolean.TRUE.equals(decline));
  }

  public static StatusCheck statusCheck(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "searchId", "bookingToken", "userId"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    String searchId = body.string("searchId", false, SearchProgress::searchId);
    body.finish();
    return new StatusCheck(bookingId, searchId);
  }

  /** getBooking's request: the booking's ID. */
  public static String bookingId(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "bookingToken", "userId"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    body.finish();
    return bookingId;
  }

  public static Accept accept(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "therapistId", "bookingToken", "userId"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    String therapistId = FunctionRequest.documentId(body, "therapistId");
    body.finish();
    return new Accept(bookingId, therapistId);
  }

  public static Cancel cancel(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "reason", "bookingToken", "userId"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    String reason =
        body.string(
            "reason",
            false,
            text -> FreeText.within(text, "reason", 1, CancelBooking.MAX_REASON_LENGTH));
    body.finish();
    return new Cancel(bookingId, reason);
  }

  private static SearchConfig searchConfig(JsonInput body) {
    JsonInput config = body.object("searchConfig", false);
    if (config == null) {
      return SearchConfig.DEFAULT;
    }
    config.allowOnly(SEARCH_CONFIG_FIELDS);
    Double radius = config.number("maxRadius", false, SearchConfig::requireRadius);
    Duration window =
        config.number("maxSearchTime", false, seconds -> SearchConfig.requireOfferWindow(Duration.ofSeconds((long) whole(seconds))));
    Integer attempts = config.number("retryAttempts", false, count -> SearchConfig.requireAttempts((int) whole(count)));
    ServiceDuration duration = config.stringOrNumber("serviceDuration", false, ServiceDuration::parse);
    // the search is centred on the booking's address; this only lets it read the nearest cells sooner
    Coordinates userLocation = coordinates(config.object("userLocation", false));
    if (config.hasProblems()) {
      return null;
    }
    return new SearchConfig(
        radius != null ? radius : SearchConfig.DEFAULT_RADIUS_KM,
        window != null ? window : SearchConfig.DEFAULT_OFFER_WINDOW,
        attempts != null ? attempts : SearchConfig.MAX_ATTEMPTS,
        duration,
        userLocation);
  }

  /**
   * A count or seconds sent as a JSON number: 2.5 is refused rather than cut to 2. The casts after
   * it saturate, so 1e300 stays out of range instead of wrapping to a small number.
   */
  private static double whole(double number) {
    if (number != Math.rint(number)) {
      throw new IllegalArgumentException("must be a whole number: " + number);
    }
    return number;
  }

  /** {lat, lng}, each checked by Coordinates and named on its own. */
  private static Coordinates coordinates(JsonInput fields) {
    if (fields == null) {
      return null;
    }
    fields.allowOnly(Set.of("lat", "lng"));
    Double lat = fields.number("lat", true, Coordinates::requireLatitude);
    Double lng = fields.number("lng", true, Coordinates::requireLongitude);
    return lat == null || lng == null ? null : new Coordinates(lat, lng);
  }

  public static NewBooking newBooking(JsonInput body) {
    body.allowOnly(CREATE_FIELDS);
    ServiceDuration duration = body.stringOrNumber("serviceDuration", true, ServiceDuration::parse);
    Location location = location(body.object("location", true));
    CustomerDetails customer = customer(body.object("customerDetails", true));
    Instant scheduledAt = body.string("scheduledAt", false, BookingInput::instantWithOffset);
    body.finish();
    return new NewBooking(customer, duration, location, scheduledAt);
  }

  private static Location location(JsonInput location) {
    if (location == null) {
      return null;
    }
    location.allowOnly(Set.of("address", "coordinates"));
    String address = location.string("address", true);
    Coordinates coordinates = coordinates(location.object("coordinates", true));
    if (address == null || coordinates == null) {
      return null;
    }
    return location.check("address", () -> new Location(address, coordinates));
  }

  private static CustomerDetails customer(JsonInput customer) {
    if (customer == null) {
      return null;
    }
    customer.allowOnly(Set.of("name", "whatsapp"));
    String name = customer.string("name", true);
    WhatsAppNumber whatsapp = customer.string("whatsapp", true, WhatsAppNumber::parse);
    if (name == null || whatsapp == null) {
      return null;
    }
    return customer.check("name", () -> new CustomerDetails(name, whatsapp));
  }

  /**
   * ISO-8601 with an offset ("2026-12-01T10:00:00+08:00"); a bare local time is ambiguous and refused.
   * Kept to the millisecond, as the document stores it, so the create answers what every later read does.
   */
  static Instant instantWithOffset(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be an ISO-8601 date-time with an offset, like 2026-12-01T10:00:00+08:00");
    }
  }
}
