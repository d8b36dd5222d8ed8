package id.pijat.model.booking;

import id.pijat.model.geo.Coordinates;
import id.pijat.text.FreeText;
import java.util.Objects;

/** Where the therapist goes: the address the customer typed and the point it stands for. */
public record Location(String address, Coordinates coordinates) {
  public static final int MIN_ADDRESS = 5;
  public static final int MAX_ADDRESS = 500;

  public Location {
    address = FreeText.within(address, "address", MIN_ADDRESS, MAX_ADDRESS);
    Objects.requireNonNull(coordinates, "coordinates");
  }
}
