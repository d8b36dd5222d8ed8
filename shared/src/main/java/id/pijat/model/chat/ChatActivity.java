package id.pijat.model.chat;

import java.time.Duration;
import java.time.Instant;

/**
 * How much a booking's chat is used (seed 002's activity tracking): when someone last wrote,
 * whether each side has, and the counted blocks of active chat. A block starts with a message
 * written when no block runs and lasts {@link #BLOCK}; messages inside a running block add none.
 * Billing by blocks is not this marketplace's (it is paid per booking): they are recorded so that
 * a later billing could use them (README "Chat").
 *
 * @param lastActivityAt the newest participant's message, null before the first
 * @param blockStartedAt when the newest block started, null before the first
 */
public record ChatActivity(
    Instant lastActivityAt, boolean customerWrote, boolean therapistWrote, int activeBlocks, Instant blockStartedAt) {
  public static final Duration BLOCK = Duration.ofMinutes(10);
  /** A chat nobody wrote in for this long is idle. */
  public static final Duration IDLE_AFTER = Duration.ofMinutes(10);
  public static final ChatActivity NONE = new ChatActivity(null, false, false, 0, null);

  public enum Status {
    ACTIVE("active"),
    IDLE("idle"),
    ENDED("ended");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public ChatActivity {
    if (activeBlocks < 0) {
      throw new IllegalArgumentException("activeBlocks must not be negative: " + activeBlocks);
    }
  }

  /** After a message of this role written at {@code at}; a system message is no one's activity. */
  public ChatActivity after(ChatRole role, Instant at) {
    if (role == ChatRole.SYSTEM) {
      return this;
    }
    boolean newBlock = blockStartedAt == null || !at.isBefore(blockStartedAt.plus(BLOCK));
    return new ChatActivity(
        lastActivityAt == null || at.isAfter(lastActivityAt) ? at : lastActivityAt,
        customerWrote || role == ChatRole.CUSTOMER,
        therapistWrote || role == ChatRole.THERAPIST,
        newBlock ? activeBlocks + 1 : activeBlocks,
        newBlock ? at : blockStartedAt);
  }

  /** Ended once the room is closed; idle until someone writes and {@link #IDLE_AFTER} after the last message. */
  public Status status(Instant now, boolean roomClosed) {
    if (roomClosed) {
      return Status.ENDED;
    }
    return lastActivityAt != null && now.isBefore(lastActivityAt.plus(IDLE_AFTER)) ? Status.ACTIVE : Status.IDLE;
  }
}
