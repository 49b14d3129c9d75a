package io.tumbler.lin.io;

import io.tumbler.lin.history.History;
import io.tumbler.lin.model.ModelOptions;
import java.nio.file.Path;

/**
 * A history read from a file, with what the file says about how to check it.
 *
 * @param file         the file
 * @param format       the format it was read as (never AUTO)
 * @param history      the history
 * @param model        the model the file implies (by format, jsonl header, or directory), or null
 * @param modelSource  where {@link #model} came from: {@code "format"}, {@code "header"}, {@code
 *                     "directory"}, or {@code ""} when none
 * @param modelOptions options from the file (a jsonl header's {@code init}), else defaults
 */
public record LoadedHistory(Path file, HistoryFormat format, History history, String model, String modelSource,
    ModelOptions modelOptions) {}
