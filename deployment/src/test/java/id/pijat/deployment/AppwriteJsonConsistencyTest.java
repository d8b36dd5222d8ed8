package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.fairuse.FairUse;
import id.pijat.fairuse.FairUsePolicy;
import id.pijat.fairuse.RateCounters;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.store.H2DocumentStore;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.PriceList;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.testing.MutableClock;
import id.pijat.usecase.CreateBooking;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * appwrite.json and the code in step. The embedded store refuses, as Appwrite does, an attribute that
 * is not declared or has the wrong type, and refuses a query on an attribute no index covers; so
 * every flow run through it here checks its writes and queries against the real appwrite.json.
 */
class AppwriteJsonConsistencyTest {
  private static final Path ROOT = Path.of("..");
  private static final AppwriteProject PROJECT = AppwriteProject.read(ROOT.resolve("appwrite.json"));

  @Test
  void everyFunctionModuleHasAnEntryAndEveryEntryAModule() throws IOException {
    Set<String> modules;
    try (Stream<Path> folders = Files.list(ROOT.resolve("functions"))) {
      modules = folders.filter(f -> Files.exists(f.resolve("src/Main.java")))
          .map(f -> f.getFileName().toString()).collect(Collectors.toSet());
    }

    assertEquals(modules, PROJECT.functions().keySet());
  }

  /** Functions a therapist calls: a guest has no therapist document, so only signed-in users run them. */
  private static final java.util.Set<String> THERAPISTS_ONLY = java.util.Set.of("setTherapistPresence", "reportJobProgress", "setWeeklyHours");
  /** Functions only a server call (an API key: a payment provider's webhook function) may execute. */
  private static final java.util.Set<String> SERVER_ONLY = java.util.Set.of("setPaymentStatus");

  @Test
  void everyEntryIsBuiltByTheJavaRuntimeFromItsPackage() throws IOException {
    String json = Files.readString(ROOT.resolve("appwrite.json"));
    for (AppwriteProject.FunctionSpec function : PROJECT.functions().values()) {
      assertEquals("build/functions/" + function.id(), function.path(), function.id());
      assertTrue(function.timeoutSeconds() > 0 && function.timeoutSeconds() <= 900, function.id());
      if (!function.schedule().isEmpty()) {
        assertTrue(function.execute().isEmpty(), function.id() + " is for the scheduler only");
      } else if (SERVER_ONLY.contains(function.id())) {
        assertTrue(function.execute().isEmpty(), function.id() + " is for server calls only");
      } else if (THERAPISTS_ONLY.contains(function.id())) {
        assertEquals(List.of("users"), function.execute(), function.id() + " is for signed-in therapists only");
      } else {
        assertTrue(function.execute().containsAll(List.of("guests", "users")), function.id() + " is for guests and users");
      }
    }
    assertFalse(json.contains("\"runtime\": \"node"), "every function runs on java-17.0");
  }

  @Test
  void theCollectionsTheCodeNamesAreDeclared() {
    for (String collection : List.of(Bookings.COLLECTION, Bookings.CHANGES, IdempotencyRecords.COLLECTION)) {
      assertTrue(PROJECT.collections().containsKey(collection), collection);
    }
  }

  @Test
  void createBookingWritesOnlyDeclaredAttributesOfTheRightTypes() {
    MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
    try (H2DocumentStore store = H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), PROJECT.collections(), clock)) {
      Bookings bookings = new Bookings(store, clock);
      FairUse fairUse = new FairUse(bookings, new RateCounters(store), FairUsePolicy.DEFAULT);
      CreateBooking create = new CreateBooking(bookings, new IdempotencyRecords(store), PriceList.DEFAULT, fairUse, clock);
      NewBooking scheduled = new NewBooking(
          new CustomerDetails("Budi", WhatsAppNumber.parse("081234567890")), ServiceDuration.MINUTES_120,
          new Location("Jl. Sunset Road 88", new Coordinates(-8.68, 115.17)), clock.instant().plus(Duration.ofDays(1)));

      var guest = create.create(Caller.guest(null).from("203.0.113.7"), scheduled, "key-1");
      var user = create.create(Caller.user("u1"), scheduled, "key-2");

      assertEquals(guest.booking(), new Bookings(store, clock).find(guest.booking().id()).orElseThrow());
      assertEquals(user.booking(), new Bookings(store, clock).find(user.booking().id()).orElseThrow());
    }
  }
}
