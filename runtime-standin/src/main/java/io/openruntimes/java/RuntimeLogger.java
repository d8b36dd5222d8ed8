package io.openruntimes.java;

import java.io.IOException;

/** Collects what a function logs; the real runtime writes it to files that Appwrite shows. */
public class RuntimeLogger {
  public static final String TYPE_LOG = "log";
  public static final String TYPE_ERROR = "error";

  private final StringBuilder logs = new StringBuilder();
  private final StringBuilder errors = new StringBuilder();

  public synchronized void write(Object[] messages, String type, boolean xnative) throws IOException {
    StringBuilder target = TYPE_ERROR.equals(type) ? errors : logs;
    for (int i = 0; i < messages.length; i++) {
      if (i > 0) {
        target.append(' ');
      }
      target.append(messages[i]);
    }
  }

  public synchronized String logs() {
    return logs.toString();
  }

  public synchronized String errors() {
    return errors.toString();
  }
}
