package id.pijat.model.booking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/** A createBooking request whose every field has passed validation. */
public record NewBooking(
    CustomerDetails customer, ServiceDuration duration, Location location, Instant scheduledAt) {
  public NewBooking {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(location, "location");
  }

  /** Equal for two requests that ask for the same booking; tells a retry from a different request. */
  public String fingerprint() {
    String canonical =
        String.join(
            "\n",
            customer.name(),
            customer.whatsapp().value(),
            duration.code(),
            location.address(),
            Double.toString(location.coordinates().lat()),
            Double.toString(location.coordinates().lng()),
            String.valueOf(scheduledAt));
    return HexFormat.of().formatHex(BookingToken.sha256(canonical)).substring(0, 32)
        + Integer.toHexString(canonical.getBytes(StandardCharsets.UTF_8).length);
  }
}
