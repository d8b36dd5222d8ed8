package id.pijat.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Datetimes as Appwrite writes them: "2026-11-21T23:04:34.000+00:00", always UTC, millisecond precision. */
public final class DocumentTimes {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  private DocumentTimes() {}

  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  public static Instant parse(String text) {
    return text == null ? null : OffsetDateTime.parse(text).toInstant();
  }
}
