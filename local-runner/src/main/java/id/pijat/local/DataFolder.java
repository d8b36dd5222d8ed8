package id.pijat.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The runner's data folder: the embedded database's files. H2 locks its file while a runner has it
 * open, so a second runner on the same folder is told so before it touches anything.
 */
record DataFolder(Path path) {
  private static final String DATABASE = "booking";

  String jdbcUrl() {
    return "jdbc:h2:file:" + path.resolve(DATABASE);
  }

  boolean hasData() {
    return Files.exists(databaseFile());
  }

  /** Whether another runner (in this process or another) has the database open; reads only, writes nothing. */
  boolean isHeld() throws IOException {
    if (!hasData()) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(databaseFile(), StandardOpenOption.READ)) {
      FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException heldHere) {
      return true;
    }
  }

  /** Removes the database, so the next start loads the demo data again. */
  void reset() throws IOException {
    for (String file : List.of(DATABASE + ".mv.db", DATABASE + ".trace.db")) {
      Files.deleteIfExists(path.resolve(file));
    }
  }

  private Path databaseFile() {
    return path.resolve(DATABASE + ".mv.db");
  }
}
