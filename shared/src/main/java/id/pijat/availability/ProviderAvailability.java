package id.pijat.availability;

import id.pijat.model.therapist.DayHours;
import id.pijat.model.therapist.Therapist;
import id.pijat.model.therapist.WeeklyHours;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Fanout;
import id.pijat.store.Query;
import id.pijat.store.StoreException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The `provider_availability` rows (appwrite.json): a week is seven rows, one per day, that share a
 * `weekVersion`; the therapist's document names the version that is theirs now (README, "Weekly
 * hours"). An edit writes a new version's rows, which nothing reads until the therapist document is
 * pointed at it, so a search reads the old week or the new one, whole.
 */
public final class ProviderAvailability {
  public static final String COLLECTION = "provider_availability";
  static final String WEEK_VERSION = "weekVersion";
  static final String PROVIDER_ID = "providerId";
  /** Seven rows each, so fourteen weeks fill one page of a hundred. */
  static final int WEEKS_PER_READ = Query.MAX_LIMIT / 7;
  /**
   * Far longer than an edit runs (setWeeklyHours times out after 15 s, appwrite.json): a week this old
   * that its therapist does not name is one replaced earlier, or was left by an edit that lost the
   * race or died before its flip; no edit in flight can still point at it.
   */
  static final Duration LEFTOVER_AGE = Duration.ofMinutes(5);

  private final DocumentStore store;
  private final Fanout fanout;

  /** Its requests one after the other. */
  public ProviderAvailability(DocumentStore store) {
    this(store, Fanout.SEQUENTIAL);
  }

  public ProviderAvailability(DocumentStore store, Fanout fanout) {
    this.store = store;
    this.fanout = fanout;
  }

  /**
   * The weeks these therapists' documents name, read for a handful of therapists at once. A
   * therapist without a week, or whose week is not there whole (an edit deleted it after this
   * search read the therapist's document) or cannot be read (an unknown zone, a malformed time), is
   * left out and so is not offered this round.
   */
  public Map<String, WeeklyHours> weeksOf(List<Therapist> therapists) {
    List<String> versions = therapists.stream().map(Therapist::weekVersion).filter(Objects::nonNull).distinct().toList();
    Map<String, List<Document>> rows = new HashMap<>();
    for (int from = 0; from < versions.size(); from += WEEKS_PER_READ) {
      List<String> batch = versions.subList(from, Math.min(versions.size(), from + WEEKS_PER_READ));
      for (Document row : store.list(COLLECTION, List.of(Query.equalAny(WEEK_VERSION, batch), Query.limit(Query.MAX_LIMIT)))) {
        rows.computeIfAbsent(row.string(WEEK_VERSION), v -> new ArrayList<>()).add(row);
      }
    }
    Map<String, WeeklyHours> weeks = new HashMap<>();
    for (Therapist therapist : therapists) {
      List<Document> week = rows.getOrDefault(therapist.weekVersion(), List.of());
      if (!week.isEmpty() && week.stream().allMatch(row -> therapist.id().equals(row.string(PROVIDER_ID)))) {
        try {
          weeks.put(therapist.id(), week(week));
        } catch (IllegalArgumentException | DateTimeException unreadable) {
          // a schedule we cannot read is no schedule: better not offered than sent at the wrong hour
        }
      }
    }
    return weeks;
  }

  /** A week written and not yet named by its therapist, and the rows it makes stale once named. */
  public record Written(String version, List<String> staleRowIds) {}

  /**
   * Writes the week as a new version's seven rows, readable by the therapist's user alone; nothing
   * reads them until {@code Therapists.pointAtWeek}. Alongside, reads the therapist's other rows to
   * find the stale ones: every week but the new one and the one it replaces (a search that read the
   * therapist's document just before the flip still reads that one), unless it is young enough to be
   * an edit still in flight.
   */
  public Written write(Therapist therapist, WeeklyHours week, Instant now) {
    String version = DocumentIds.unique();
    Set<String> readers = therapist.userId() == null ? Set.of() : Set.of(therapist.userId());
    List<Supplier<List<Document>>> calls = new ArrayList<>();
    calls.add(() -> store.list(COLLECTION, List.of(Query.equal(PROVIDER_ID, therapist.id()), Query.limit(Query.MAX_LIMIT))));
    for (DayOfWeek day : DayOfWeek.values()) {
      calls.add(() -> {
        create(rowId(version, day), row(therapist.id(), version, week.zone(), week.days().get(day), now), readers);
        return List.of();
      });
    }
    List<String> stale = new ArrayList<>();
    Instant inFlightSince = now.minus(LEFTOVER_AGE);
    for (Document row : fanout.all(calls).get(0)) {
      String rowVersion = row.string(WEEK_VERSION);
      Instant created = row.instant("createdAt");
      boolean kept = version.equals(rowVersion) || (rowVersion != null && rowVersion.equals(therapist.weekVersion()));
      if (!kept && (rowVersion == null || created == null || created.isBefore(inFlightSince))) {
        stale.add(row.id());
      }
    }
    return new Written(version, List.copyOf(stale));
  }

  /**
   * Deletes the stale rows, as far as it goes: a row it fails to delete harms nobody (no therapist
   * document names it) and the therapist's next edit finds it again.
   */
  public void deleteStale(Written written) {
    fanout.run(written.staleRowIds().stream().<Runnable>map(id -> () -> {
      try {
        store.delete(COLLECTION, id);
      } catch (StoreException gone) {
        // gone already (a racing edit deleted it) or left for the next edit
      }
    }).toList());
  }

  /**
   * A 409 on this edit's fresh ID is most often our own create, re-sent after its answer was lost;
   * it is checked by reading the row back, since a unique index (an older `provider_day` left on the
   * collection) answers 409 too, and then the week is not whole and must not be named.
   */
  private void create(String id, Map<String, Object> row, Set<String> readers) {
    try {
      store.create(COLLECTION, id, row, readers);
    } catch (DocumentExistsException taken) {
      if (store.find(COLLECTION, id).filter(there -> row.get(WEEK_VERSION).equals(there.string(WEEK_VERSION))).isEmpty()) {
        throw taken;
      }
    }
  }

  static String rowId(String version, DayOfWeek day) {
    return version + "." + DayHours.name(day).substring(0, 3);
  }

  private static Map<String, Object> row(String providerId, String version, ZoneId zone, DayHours day, Instant now) {
    Map<String, Object> row = new HashMap<>();
    row.put(PROVIDER_ID, providerId);
    row.put(WEEK_VERSION, version);
    row.put("dayOfWeek", DayHours.name(day.day()));
    row.put("isAvailable", day.open());
    if (day.open()) {
      row.put("startTime", day.startText());
      row.put("endTime", day.endText());
    }
    row.put("timezone", zone.getId());
    row.put("createdAt", DocumentTimes.format(now));
    row.put("updatedAt", DocumentTimes.format(now));
    return row;
  }

  static WeeklyHours week(List<Document> rows) {
    ZoneId zone = ZoneId.of(rows.get(0).string("timezone"));
    List<DayHours> days = new ArrayList<>();
    for (Document row : rows) {
      if (!zone.getId().equals(row.string("timezone"))) {
        throw new IllegalArgumentException("one week, one zone: " + row.string("timezone"));
      }
      days.add(
          DayHours.of(
              DayHours.requireDay(row.string("dayOfWeek")),
              row.bool("isAvailable"),
              row.string("startTime"),
              row.string("endTime")));
    }
    return WeeklyHours.whole(zone, days);
  }
}
