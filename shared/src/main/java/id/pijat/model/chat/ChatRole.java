package id.pijat.model.chat;

/** Who wrote a message: one of the booking's two participants, or the system (seed 001's chat logs). */
public enum ChatRole {
  CUSTOMER("customer"),
  THERAPIST("therapist"),
  SYSTEM("system");

  private final String code;

  ChatRole(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
