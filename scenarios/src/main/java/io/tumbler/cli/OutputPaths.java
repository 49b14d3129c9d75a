package io.tumbler.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks where a command will write before it does any work: a run that simulates for a minute and then
 * cannot save its directory, or a campaign that cannot stream its results, should be refused at once in
 * one line (exit 3), not end in a stack trace or a stray {@code .tmp} file.
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * Makes sure {@code dir} is a writable directory, creating it (and its parents) when absent.
   *
   * @throws BadInputException naming {@code option} and the path when it is a file, lies under a file, or
   *     cannot be created or written
   */
  static Path directory(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new BadInputException(option + " " + dir + ": is a file; expected a directory (or a path where one can be made)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new BadInputException(option + " " + dir + ": cannot create the directory (" + reason(e) + ")");
    }
    if (!Files.isWritable(dir)) {
      throw new BadInputException(option + " " + dir + ": the directory is not writable");
    }
    return dir;
  }

  /**
   * Makes sure {@code file} can be written: it is not a directory, and its directory exists (created when
   * absent) and is writable.
   */
  static Path file(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(option + " " + file + ": is a directory; expected a file name, such as "
          + file.resolve("report.html"));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      directory(option + " " + file + ": its directory", parent);
    }
    return file;
  }

  private static String reason(Exception e) {
    if (e instanceof FileAlreadyExistsException already) {
      return already.getFile() + " is a file, not a directory";
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileSystemException fs) {
      String where = fs.getFile() == null ? "" : fs.getFile() + ": ";
      return where + (fs.getReason() != null ? fs.getReason() : "refused by the file system");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
