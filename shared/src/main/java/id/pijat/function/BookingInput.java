package id.pijat.function;

import id.pijat.booking.Coordinates;
import id.pijat.booking.CustomerDetails;
import id.pijat.booking.Location;
import id.pijat.booking.NewBooking;
import id.pijat.booking.ServiceDuration;
import id.pijat.booking.WhatsAppNumber;
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

  private BookingInput() {}

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
