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
    Double radius = config.number("maxRadius", false);
    Double window = config.number("maxSearchTime", false);
    Double attempts = config.number("retryAttempts", false);
    ServiceDuration duration = config.stringOrNumber("serviceDuration", false, ServiceDuration::parse);
    JsonInput userLocation = config.object("userLocation", false);
    if (userLocation != null) {
      userLocation.allowOnly(Set.of("lat", "lng"));
      Double lat = userLocation.number("lat", true);
      Double lng = userLocation.number("lng", true);
      if (lat != null && lng != null) {
        userLocation.check("lat", () -> new Coordinates(lat, lng));
      }
    }
    if (radius != null && !(radius > 0 && radius <= SearchConfig.MAX_RADIUS_KM)) {
      config.problem("maxRadius", "must be more than 0 and at most " + (int) SearchConfig.MAX_RADIUS_KM + " km");
    }
    if (window != null
        && !(window == Math.rint(window)
            && window >= SearchConfig.MIN_OFFER_WINDOW.toSeconds()
            && window <= SearchConfig.MAX_OFFER_WINDOW.toSeconds())) {
      config.problem(
          "maxSearchTime",
          "must be whole seconds from " + SearchConfig.MIN_OFFER_WINDOW.toSeconds() + " to " + SearchConfig.MAX_OFFER_WINDOW.toSeconds());
    }
    if (attempts != null && !(attempts == Math.rint(attempts) && attempts >= 1 && attempts <= SearchConfig.MAX_ATTEMPTS)) {
      config.problem("retryAttempts", "must be a whole number from 1 to " + SearchConfig.MAX_ATTEMPTS);
    }
    if (config.hasProblems()) {
      return null;
    }
    return new SearchConfig(
        radius != null ? radius : SearchConfig.DEFAULT_RADIUS_KM,
        window != null ? Duration.ofSeconds(window.longValue()) : SearchConfig.DEFAULT_OFFER_WINDOW,
        attempts != null ? attempts.intValue() : SearchConfig.MAX_ATTEMPTS,
        duration);
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
    JsonInput fields = location.object("coordinates", true);
    Coordinates coordinates = null;
    if (fields != null) {
      fields.allowOnly(Set.of("lat", "lng"));
      Double lat = fields.number("lat", true);
      Double lng = fields.number("lng", true);
      if (lat != null && Math.abs(lat) > 90) {
        fields.problem("lat", "must be between -90 and 90");
      } else if (lng != null && Math.abs(lng) > 180) {
        fields.problem("lng", "must be between -180 and 180");
      } else if (lat != null && lng != null) {
        coordinates = new Coordinates(lat, lng);
      }
    }
    if (address == null || coordinates == null) {
      return null;
    }
    Coordinates point = coordinates;
    return location.check("address", () -> new Location(address, point));
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

  /** ISO-8601 with an offset ("2026-12-01T10:00:00+08:00"); a bare local time is ambiguous and refused. */
  static Instant instantWithOffset(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be an ISO-8601 date-time with an offset, like 2026-12-01T10:00:00+08:00");
    }
  }
}
