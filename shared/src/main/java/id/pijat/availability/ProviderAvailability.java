package id.pijat.availability;

import id.pijat.model.therapist.DayHours;
import id.pijat.model.therapist.WeeklyHours;
import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The `provider_availability` rows (appwrite.json), read for a handful of providers at once. */
public final class ProviderAvailability {
  public static final String COLLECTION = "provider_availability";
  /** Seven rows each, so fourteen providers fill one page of a hundred. */
  static final int PROVIDERS_PER_READ = Query.MAX_LIMIT / 7;

  private final DocumentStore store;

  public ProviderAvailability(DocumentStore store) {
    this.store = store;
  }

  /**
   * The weeks of these providers; a provider without rows, or with rows that cannot be read (an
   * unknown zone, a malformed time), is left out and so is never offered.
   */
  public Map<String, WeeklyHours> weeksOf(List<String> providerIds) {
    Map<String, List<Document>> rows = new HashMap<>();
    for (int from = 0; from < providerIds.size(); from += PROVIDERS_PER_READ) {
      List<String> batch = providerIds.subList(from, Math.min(providerIds.size(), from + PROVIDERS_PER_READ));
      for (Document row : store.list(COLLECTION, List.of(Query.equalAny("providerId", batch), Query.limit(Query.MAX_LIMIT)))) {
        rows.computeIfAbsent(row.string("providerId"), id -> new ArrayList<>()).add(row);
      }
    }
    Map<String, WeeklyHours> weeks = new HashMap<>();
    rows.forEach((providerId, documents) -> {
      try {
        weeks.put(providerId, week(documents));
      } catch (IllegalArgumentException | DateTimeException unreadable) {
        // a schedule we cannot read is no schedule: better not offered than sent at the wrong hour
      }
    });
    return weeks;
  }

  static WeeklyHours week(List<Document> rows) {
    ZoneId zone = ZoneId.of(rows.get(0).string("timezone"));
    List<DayHours> days = new ArrayList<>();
    for (Document row : rows) {
      days.add(
          DayHours.of(
              DayOfWeek.valueOf(row.string("dayOfWeek").toUpperCase(Locale.ROOT)),
              row.bool("isAvailable"),
              row.string("startTime"),
              row.string("endTime")));
    }
    return WeeklyHours.of(zone, days);
  }
}
