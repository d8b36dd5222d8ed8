package id.pijat.fairuse;

import java.util.Locale;

/**
 * The limits a customer's requests are counted against. A customer is the signed-in user, or for a
 * guest the WhatsApp number the booking was made with; an address is the client's IP as Appwrite
 * reports it. Each has a variable RATE_<NAME> ("6/600"); the defaults are in {@link FairUsePolicy}.
 */
public enum Limit {
  CREATES_PER_CUSTOMER("new bookings for this customer"),
  CREATES_PER_ADDRESS("new bookings from this network address"),
  SCHEDULED_PER_ADDRESS("scheduled bookings from this network address"),
  ROUNDS_PER_CUSTOMER("searches for this customer"),
  ROUNDS_PER_ADDRESS("searches from this network address"),
  PASSES_PER_CUSTOMER("therapists declined or let lapse by this customer"),
  MESSAGES_PER_SENDER("chat messages from you");

  private final String words;

  Limit(String words) {
    this.words = words;
  }

  /** What the customer is told they did too often. */
  public String words() {
    return words;
  }

  public String variable() {
    return "RATE_" + name().toUpperCase(Locale.ROOT);
  }
}
