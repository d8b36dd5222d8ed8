package id.pijat.local.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import id.pijat.local.LocalRunner;
import id.pijat.local.RunnerClient;
import id.pijat.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hoarding attack (README "Fair use") through the local runner, with a moved clock: one client tries
 * to hold as many of Denpasar's ten demo therapists as it can, for as long as it can, first with
 * one phone number and then with ten numbers from one IP. Every 5 simulated seconds it creates
 * bookings with the longest offer window it may ask for, searches them, and searches again when an
 * offer lapses; it never accepts. A second phase books tomorrow morning and accepts every offer
 * (scheduled, unpaid). Between rounds a real customer from another IP searches once. Prints how
 * many therapists the client held at most, therapist-minutes held, and what the real customer got.
 */
@Tag("benchmark")
class HoardingBenchmark {
  private static final Gson GSON = new Gson();
  /** Monday 21:00 in Bali: all ten Denpasar therapists work then. */
  private static final Instant EVENING = Instant.parse("2026-11-23T13:00:00Z");
  /** Tuesday 10:00 in Bali, when the eight day and round-the-clock therapists work. */
  private static final String TOMORROW_MORNING = "2026-11-24T10:00:00+08:00";
  private static final Duration STEP = Duration.ofSeconds(5);
  private static final Duration ATTACK = Duration.ofMinutes(30);
  private static final int CREATES_PER_STEP = 5;
  private static final String ATTACKER_IP = "203.0.113.7";
  private static final String CUSTOMER_IP = "198.51.100.20";

  @Test
  void oneClientHoldsTheCityWithOneNumberAndWithTen() throws Exception {
    for (int numbers : List.of(1, 10)) {
      Path data = Files.createTempDirectory("hoard");
      MutableClock clock = new MutableClock(EVENING);
      try (LocalRunner runner = LocalRunner.start(Path.of(".."), "jdbc:h2:file:" + data.resolve("booking"), 0, Map.of(), clock)) {
        new Attack(new RunnerClient(runner), clock, numbers).run();
      }
    }
  }

  private static final class Attack {
    private final RunnerClient client;
    private final MutableClock clock;
    private final int numbers;
    private final Map<String, Own> open = new LinkedHashMap<>();
    private final Map<String, Integer> refusals = new LinkedHashMap<>();
    private int created;
    private int nextNumber;

    Attack(RunnerClient client, MutableClock clock, int numbers) {
      this.client = client;
      this.clock = clock;
      this.numbers = numbers;
    }

    void run() throws Exception {
      Instant start = clock.instant();
      int peak = 0;
      double therapistSeconds = 0;
      Duration allHeld = Duration.ZERO;
      int probes = 0;
      int probesOffered = 0;
      while (clock.instant().isBefore(start.plus(ATTACK))) {
        for (Own own : List.copyOf(open.values())) {
          if (!own.holds(clock.instant())) {
            search(own, false);
          }
        }
        for (int i = 0; i < CREATES_PER_STEP && held() < 10; i++) {
          Own own = create(null);
          if (own == null) {
            break;
          }
          search(own, false);
        }
        int held = held();
        peak = Math.max(peak, held);
        therapistSeconds += held * STEP.toSeconds();
        if (held >= 8) {
          allHeld = allHeld.plus(STEP);
        }
        if (Duration.between(start, clock.instant()).toSeconds() % 60 == 30) {
          probes++;
          probesOffered += realCustomerIsOffered(null) ? 1 : 0;
        }
        clock.advance(STEP);
      }
      System.out.printf(Locale.ROOT,
          "hoarding, %d number(s) from one IP, %d simulated min: peak %d of 10 therapists held, %.1f therapist-min held (%.1f on average),"
              + " 8 or more held for %d s; %d bookings created; refused %s; a real customer was offered a therapist in %d of %d probes%n",
          numbers, ATTACK.toMinutes(), peak, therapistSeconds / 60, therapistSeconds / ATTACK.toSeconds(), allHeld.toSeconds(),
          created, refusals, probesOffered, probes);
      scheduledMorning();
    }

    /** Books tomorrow 10:00 and accepts every offer for a minute: each acceptance blocks a therapist's morning. */
    private void scheduledMorning() throws Exception {
      cancelAll();
      refusals.clear();
      Instant start = clock.instant();
      Set<String> blocked = new HashSet<>();
      while (clock.instant().isBefore(start.plus(Duration.ofMinutes(1)))) {
        Own own = create(TOMORROW_MORNING);
        if (own != null) {
          JsonObject offer = search(own, false);
          if (offer != null && offer.has("therapist")) {
            String therapistId = offer.getAsJsonObject("therapist").get("id").getAsString();
            JsonObject accepted = call("acceptTherapist", own.body("\"therapistId\":\"" + therapistId + "\""), own.headers());
            if (accepted.get("success").getAsBoolean()) {
              blocked.add(therapistId);
              own.accepted = true;
            } else {
              refused(accepted);
            }
          }
        }
        clock.advance(STEP);
      }
      boolean customer = realCustomerIsOffered(TOMORROW_MORNING);
      System.out.printf(Locale.ROOT,
          "  scheduled for tomorrow 10:00 within 1 min: %d of 8 therapists' mornings blocked, unpaid; refused %s; a real customer was %s%n",
          blocked.size(), refusals, customer ? "offered a therapist" : "offered nobody");
    }

    private int held() {
      Instant now = clock.instant();
      return (int) open.values().stream().filter(own -> own.holds(now)).map(own -> own.therapistId).distinct().count();
    }

    private Own create(String scheduledAt) throws Exception {
      String number = String.format(Locale.ROOT, "08123456%04d", nextNumber++ % numbers);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("serviceDuration", "60");
      body.put("location", Map.of("address", "Jl. Gajah Mada 1, Denpasar", "coordinates", Map.of("lat", -8.6705, "lng", 115.2126)));
      body.put("customerDetails", Map.of("name", "Hoarder", "whatsapp", number));
      if (scheduledAt != null) {
        body.put("scheduledAt", scheduledAt);
      }
      JsonObject answer = call("createBooking", GSON.toJson(body), Map.of("X-Forwarded-For", ATTACKER_IP));
      if (!answer.get("success").getAsBoolean()) {
        refused(answer);
        return null;
      }
      created++;
      JsonObject booking = answer.getAsJsonObject("data");
      Own own = new Own(booking.get("id").getAsString(), booking.get("bookingToken").getAsString());
      open.put(own.id, own);
      return own;
    }

    private JsonObject search(Own own, boolean decline) throws Exception {
      JsonObject answer = call("searchTherapists",
          own.body("\"searchConfig\":{\"maxSearchTime\":600}" + (decline ? ",\"declineCurrent\":true" : "")), own.headers());
      if (!answer.get("success").getAsBoolean()) {
        String code = refused(answer);
        if (!code.equals("RATE_LIMITED")) {
          open.remove(own.id);
        }
        return null;
      }
      JsonObject data = answer.getAsJsonObject("data");
      if (data.has("therapist")) {
        own.therapistId = data.getAsJsonObject("therapist").get("id").getAsString();
        own.offerEnds = Instant.parse(data.get("offerExpiresAt").getAsString());
      } else {
        own.therapistId = null;
        own.offerEnds = null;
      }
      return data;
    }

    private void cancelAll() throws Exception {
      for (Own own : List.copyOf(open.values())) {
        call("cancelBooking", own.body(null), own.headers());
      }
      open.clear();
    }

    private boolean realCustomerIsOffered(String scheduledAt) throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("serviceDuration", "60");
      body.put("location", Map.of("address", "Jl. Teuku Umar 5, Denpasar", "coordinates", Map.of("lat", -8.67, "lng", 115.21)));
      body.put("customerDetails", Map.of("name", "Putri", "whatsapp", "0811222333" + (nextNumber++ % 90 + 10)));
      if (scheduledAt != null) {
        body.put("scheduledAt", scheduledAt);
      }
      Map<String, String> headers = Map.of("X-Forwarded-For", CUSTOMER_IP);
      JsonObject created = call("createBooking", GSON.toJson(body), headers);
      if (!created.get("success").getAsBoolean()) {
        return false;
      }
      JsonObject booking = created.getAsJsonObject("data");
      String me = "{\"bookingId\":\"" + booking.get("id").getAsString() + "\",\"bookingToken\":\"" + booking.get("bookingToken").getAsString() + "\"";
      JsonObject offer = call("searchTherapists", me + "}", headers);
      call("cancelBooking", me + "}", headers);
      return offer.get("success").getAsBoolean() && offer.getAsJsonObject("data").has("therapist");
    }

    private String refused(JsonObject answer) {
      String code = answer.getAsJsonObject("error").get("code").getAsString();
      refusals.merge(code, 1, Integer::sum);
      return code;
    }

    private JsonObject call(String function, String body, Map<String, String> headers) throws Exception {
      JsonObject execution = client.execute(function, body, headers);
      int status = execution.get("responseStatusCode").getAsInt();
      if (status >= 500) {
        throw new AssertionError(function + " answered " + status + ": " + execution.get("responseBody").getAsString());
      }
      return RunnerClient.envelope(execution);
    }
  }

  private static final class Own {
    final String id;
    final String token;
    String therapistId;
    Instant offerEnds;
    boolean accepted;

    Own(String id, String token) {
      this.id = id;
      this.token = token;
    }

    boolean holds(Instant now) {
      return accepted || (therapistId != null && offerEnds != null && now.isBefore(offerEnds));
    }

    String body(String more) {
      return "{\"bookingId\":\"" + id + "\",\"bookingToken\":\"" + token + "\"" + (more == null ? "" : "," + more) + "}";
    }

    Map<String, String> headers() {
      return Map.of("X-Forwarded-For", ATTACKER_IP);
    }
  }
}
