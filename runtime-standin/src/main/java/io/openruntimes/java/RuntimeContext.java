package io.openruntimes.java;

import java.io.IOException;

public class RuntimeContext {
  private final RuntimeRequest req;
  private final RuntimeResponse res;
  private final RuntimeLogger logger;

  public RuntimeContext(RuntimeRequest req, RuntimeResponse res, RuntimeLogger logger) {
    this.req = req;
    this.res = res;
    this.logger = logger;
  }

  public RuntimeRequest getReq() {
    return req;
  }

  public RuntimeResponse getRes() {
    return res;
  }

  public void log(Object... messages) {
    write(messages, RuntimeLogger.TYPE_LOG);
  }

  public void error(Object... messages) {
    write(messages, RuntimeLogger.TYPE_ERROR);
  }

  private void write(Object[] messages, String type) {
    try {
      logger.write(messages, type, false);
      logger.write(new String[] {"\n"}, type, false);
    } catch (IOException e) {
      // The real runtime drops a log line it cannot write; so does the stand-in.
    }
  }
}
