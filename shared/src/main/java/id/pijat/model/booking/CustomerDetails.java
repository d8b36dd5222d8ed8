package id.pijat.model.booking;

import id.pijat.text.FreeText;
import java.util.Objects;

/** Who the therapist meets and how to reach them. */
public record CustomerDetails(String name, WhatsAppNumber whatsapp) {
  public static final int MIN_NAME = 2;
  public static final int MAX_NAME = 100;

  public CustomerDetails {
    name = FreeText.within(name, "name", MIN_NAME, MAX_NAME);
    Objects.requireNonNull(whatsapp, "whatsapp");
  }
}
