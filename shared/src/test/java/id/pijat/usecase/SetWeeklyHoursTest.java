package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.availability.ProviderAvailability;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.DayHours;
import id.pijat.model.therapist.WeeklyHours;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.Fanout;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.Therapists;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * setWeeklyHours against the search: an edit writes a new week's rows, then points the therapist's
 * document at them, so a search sees the old week or the new one, each whole, wherever its reads
 * fall among the edit's writes. Ayu (user therapist-ayu) is the nearest; Made, a little farther,
 * works around the clock, so a search offers Ayu exactly when her week has her open.
 */
class SetWeeklyHoursTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private static final String AYU_USER = "therapist-ayu";
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-22T17:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")), Fanout.SEQUENTIAL);
  private final TherapistFixtures therapists = new TherapistFixtures(data);

  @BeforeEach
  void ayuNearestAndMadeFartherAroundTheClock() {
    therapists.add("ayu", offset(KUTA, 0.5, 0), 4.8);
    therapists.add("made", offset(KUTA, 2, 0), 4.5);
    TherapistFixtures.belongsTo(data, "ayu", AYU_USER);
  }

  private static WeeklyHours everyDay(String zone, String start, String end) {
    return WeeklyHours.whole(
        ZoneId.of(zone), Arrays.stream(DayOfWeek.values()).map(day -> DayHours.of(day, true, start, end)).toList());
  }

  private WeeklyHours set(WeeklyHours week) {
    return backend.setWeeklyHours().set(AYU_USER, week);
  }

  private String offered() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(KUTA), null).booking();
    return backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking().therapistId();
  }

  private String weekOfAyu() {
    return data.find(Therapists.COLLECTION, "ayu").orElseThrow().string("weekVersion");
  }

  private List<Document> rowsOfAyu() {
    return data.list(ProviderAvailability.COLLECTION, List.of(Query.equal("providerId", "ayu"), Query.limit(100)));
  }

  private Set<String> versionsOfAyu() {
    return rowsOfAyu().stream().map(row -> row.string("weekVersion")).collect(Collectors.toSet());
  }

  /** Where the search's reads fall among the edit's writes. */
  enum Point { AMONG_THE_ROWS, BEFORE_THE_FLIP, AFTER_THE_FLIP, WHOLE_EDIT_BETWEEN_THE_SEARCHS_READS }

  /**
   * Across midnight: Ayu's 20:00–04:00 in Bali becomes 08:00–16:00 while a search runs at Monday
   * 01:00 WITA, open in the old week (Sunday's window) and closed in the new. Across Berlin's spring
   * forward on 2026-03-29 (02:00 CET jumps to 03:00 CEST): 20:00–04:00 becomes 03:00–12:00; an hour's
   * session from 01:35 CET (the search at 01:30 and her ETA) fits only the old week, running to 03:35
   * CEST across the missing hour; one from 03:05 CEST only the new (the old closes at 04:00).
   */
  @ParameterizedTest(name = "{0} {1}–{2} to {3}–{4} at {5}, search {6}: {7}")
  @CsvSource({
    "Asia/Makassar, 20:00, 04:00, 08:00, 16:00, 2026-11-22T17:00:00Z, AMONG_THE_ROWS, ayu",
    "Asia/Makassar, 20:00, 04:00, 08:00, 16:00, 2026-11-22T17:00:00Z, BEFORE_THE_FLIP, ayu",
    "Asia/Makassar, 20:00, 04:00, 08:00, 16:00, 2026-11-22T17:00:00Z, AFTER_THE_FLIP, made",
    "Asia/Makassar, 20:00, 04:00, 08:00, 16:00, 2026-11-22T17:00:00Z, WHOLE_EDIT_BETWEEN_THE_SEARCHS_READS, ayu",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T00:30:00Z, AMONG_THE_ROWS, ayu",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T00:30:00Z, BEFORE_THE_FLIP, ayu",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T00:30:00Z, AFTER_THE_FLIP, made",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T00:30:00Z, WHOLE_EDIT_BETWEEN_THE_SEARCHS_READS, ayu",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T01:00:00Z, AMONG_THE_ROWS, made",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T01:00:00Z, BEFORE_THE_FLIP, made",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T01:00:00Z, AFTER_THE_FLIP, ayu",
    "Europe/Berlin, 20:00, 04:00, 03:00, 12:00, 2026-03-29T01:00:00Z, WHOLE_EDIT_BETWEEN_THE_SEARCHS_READS, made",
  })
  void aSearchRacingAnEditSeesTheOldWeekOrTheNewWholeNeverAMix(
      String zone, String oldStart, String oldEnd, String newStart, String newEnd, String at, Point point, String expected) {
    clock.set(Instant.parse(at));
    therapists.week("ayu", zone, oldStart, oldEnd);
    WeeklyHours edit = everyDay(zone, newStart, newEnd);
    String[] seen = new String[1];
    Runnable search = () -> seen[0] = offered();
    switch (point) {
      case AMONG_THE_ROWS -> {
        for (int row = 0; row < 3; row++) {
          store.beforeNextCreate(ProviderAvailability.COLLECTION, (id, data) -> {});
        }
        store.beforeNextCreate(ProviderAvailability.COLLECTION, (id, data) -> search.run());
      }
      case BEFORE_THE_FLIP -> store.beforeNextUpdate(Therapists.COLLECTION, search);
      case AFTER_THE_FLIP -> store.afterNextUpdate(Therapists.COLLECTION, search);
      case WHOLE_EDIT_BETWEEN_THE_SEARCHS_READS -> {
        store.beforeNextList(ProviderAvailability.COLLECTION, () -> set(edit));
        search.run();
      }
    }
    if (point != Point.WHOLE_EDIT_BETWEEN_THE_SEARCHS_READS) {
      set(edit);
    }

    assertEquals(expected, seen[0]);
    assertNotEquals(expected, offered(), "and the next search sees the other week: the edit changed the answer");
  }

  @Test
  void aTherapistWhoseDayEndsBeforeTheSessionWouldIsNotOffered() {
    therapists.week("ayu", "Asia/Makassar", "08:00", "17:00");

    clock.set(Instant.parse("2026-11-23T07:30:00Z"));
    assertEquals("ayu", offered(), "15:30: an hour's session from her arrival ends before 17:00");
    clock.set(Instant.parse("2026-11-23T08:30:00Z"));
    assertEquals("made", offered(), "16:30: open now, but the session would run past 17:00");
  }

  @Test
  void theNewWeekIsWrittenReadableByTheTherapistAloneAndNamedByHerDocument() {
    WeeklyHours week = everyDay("Asia/Makassar", "08:00", "16:00");

    assertEquals(week, set(week));

    String version = weekOfAyu();
    List<Document> rows = rowsOfAyu().stream().filter(row -> version.equals(row.string("weekVersion"))).toList();
    assertEquals(7, rows.size());
    rows.forEach(row -> assertEquals(Set.of(AYU_USER), store.readersOf(ProviderAvailability.COLLECTION, row.id()), row.id()));
    assertEquals(
        Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        rows.stream().map(row -> row.string("dayOfWeek")).collect(Collectors.toSet()));
    assertEquals(
        Set.of("08:00|16:00|Asia/Makassar|true"),
        rows.stream().map(r -> r.string("startTime") + "|" + r.string("endTime") + "|" + r.string("timezone") + "|" + r.bool("isAvailable"))
            .collect(Collectors.toSet()));
  }

  @Test
  void aClosedDayIsWrittenWithoutTimesAndReadClosed() {
    List<DayHours> days = Arrays.stream(DayOfWeek.values())
        .map(day -> day == DayOfWeek.MONDAY ? DayHours.closed(day) : DayHours.of(day, true, "00:00", "24:00"))
        .toList();
    set(WeeklyHours.whole(ZoneId.of("Asia/Makassar"), days));

    Document monday = rowsOfAyu().stream()
        .filter(row -> weekOfAyu().equals(row.string("weekVersion")) && "monday".equals(row.string("dayOfWeek")))
        .findFirst().orElseThrow();
    assertEquals(false, monday.bool("isAvailable"));
    assertEquals(null, monday.string("startTime"));
    clock.set(Instant.parse("2026-11-23T03:00:00Z"));
    assertEquals("made", offered(), "Monday 11:00 WITA, her day off");
  }

  @Test
  void theReplacedWeekStaysForSearchesUnderWayAndGoesWithALaterEditOnceOld() {
    String first = weekOfAyu();
    set(everyDay("Asia/Makassar", "08:00", "16:00"));
    String second = weekOfAyu();

    assertEquals(Set.of(first, second), versionsOfAyu(), "the replaced week stays while a search may still read it");

    clock.advance(Duration.ofMinutes(10));
    set(everyDay("Asia/Makassar", "09:00", "17:00"));
    String third = weekOfAyu();

    assertEquals(Set.of(second, third), versionsOfAyu());
    assertEquals(14, rowsOfAyu().size());
  }

  @Test
  void twoEditsRacingEachStandWholeAndTheLastFlipWins() {
    WeeklyHours byDay = everyDay("Asia/Makassar", "08:00", "16:00");
    WeeklyHours byNight = everyDay("Asia/Makassar", "20:00", "04:00");
    String[] nightVersion = new String[1];
    store.beforeNextUpdate(Therapists.COLLECTION, () -> {
      set(byNight);
      nightVersion[0] = weekOfAyu();
    });

    set(byDay);

    assertNotEquals(nightVersion[0], weekOfAyu(), "the day edit flipped last");
    Map<String, Long> rowsPerVersion =
        rowsOfAyu().stream().collect(Collectors.groupingBy(row -> row.string("weekVersion"), Collectors.counting()));
    assertEquals(7L, rowsPerVersion.get(weekOfAyu()));
    assertEquals(7L, rowsPerVersion.get(nightVersion[0]), "the loser's week is whole too, named by nobody");
    assertEquals("made", offered(), "01:00 WITA: the day week stands");
  }

  @Test
  void aLeftoverOfALostRaceIsKeptWhileAnEditCouldStillBeRunningAndSweptOnceOld() {
    ProviderAvailability availability = new ProviderAvailability(store);
    String leftover = availability.write(new Therapists(data).find("ayu").orElseThrow(), everyDay("Asia/Makassar", "08:00", "16:00"), clock.instant())
        .version();

    clock.advance(Duration.ofMinutes(1));
    set(everyDay("Asia/Makassar", "09:00", "17:00"));
    assertTrue(versionsOfAyu().contains(leftover), "a minute old: perhaps an edit about to flip");

    clock.advance(Duration.ofMinutes(10));
    set(everyDay("Asia/Makassar", "10:00", "18:00"));
    assertTrue(!versionsOfAyu().contains(leftover), "older than any edit runs");
  }

  @Test
  void anEditThatFailsBeforeItsFlipLeavesTheOldWeekStanding() {
    String before = weekOfAyu();
    store.beforeNextUpdate(Therapists.COLLECTION, () -> {
      throw new StoreUnavailableException("flip lost", null);
    });

    assertThrows(StoreUnavailableException.class, () -> set(everyDay("Asia/Makassar", "08:00", "16:00")));

    assertEquals(before, weekOfAyu());
    assertEquals("ayu", offered(), "still around the clock");
  }

  @Test
  void aRowCreateThatLandedBeforeItsAnswerWasLostIsTakenAsOurs() {
    store.beforeNextCreate(ProviderAvailability.COLLECTION, (id, row) -> data.create(ProviderAvailability.COLLECTION, id, row, Set.of()));

    set(everyDay("Asia/Makassar", "08:00", "16:00"));

    assertEquals(7, rowsOfAyu().stream().filter(row -> weekOfAyu().equals(row.string("weekVersion"))).count());
    assertEquals("made", offered(), "01:00 WITA: the new week stands");
  }

  @Test
  void aRowCreateMetByARowThatIsNotOursFailsTheEditBeforeItsFlip() {
    String before = weekOfAyu();
    store.beforeNextCreate(ProviderAvailability.COLLECTION, (id, row) -> {
      Map<String, Object> other = new java.util.HashMap<>(row);
      other.put("weekVersion", "someone-else");
      data.create(ProviderAvailability.COLLECTION, id, other, Set.of());
    });

    assertThrows(DocumentExistsException.class, () -> set(everyDay("Asia/Makassar", "08:00", "16:00")));

    assertEquals(before, weekOfAyu());
    assertEquals("ayu", offered(), "still around the clock");
  }

  @Test
  void aUserWithoutATherapistDocumentAndAGuestAreDeniedAndNothingIsWritten() {
    int rows = rowsOfAyu().size();
    WeeklyHours week = everyDay("Asia/Makassar", "08:00", "16:00");

    Rejection customer = assertThrows(Rejection.class, () -> backend.setWeeklyHours().set("budi", week));
    Rejection guest = assertThrows(Rejection.class, () -> backend.setWeeklyHours().set(null, week));

    assertEquals(ErrorCode.PERMISSION_DENIED, customer.code());
    assertEquals("This account has no therapist profile.", customer.getMessage());
    assertEquals(ErrorCode.PERMISSION_DENIED, guest.code());
    assertEquals(rows + 7, data.list(ProviderAvailability.COLLECTION, List.of(Query.limit(100))).size(), "Ayu's and Made's weeks only");
  }
}
