package org.dyadkit.survey;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.dyadkit.InputException;

/**
 * A file written in full or not at all. Bytes go to a temporary file in the target's folder (named
 * {@code .<target>.<random>.tmp}); {@link #commit()} moves the temporary file onto the target in one
 * atomic rename (forcing the bytes to disk first when created {@code durable}). Until then an earlier file at the target path is untouched;
 * {@link #close()} without a commit deletes the temporary file. A process killed outright (SIGKILL,
 * power loss) can leave the temporary file behind, but never a partial file at the target path.
 *
 * <p>Usage: {@code try (AtomicFile f = AtomicFile.create(target)) { write(f.stream()); f.commit(); }}
 */
public final class AtomicFile implements Closeable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private final boolean durable;
    private boolean committed;
    private boolean closed;

    private AtomicFile(Path target, Path temp, FileChannel channel, boolean durable) {
        this.durable = durable;
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = Channels.newOutputStream(channel);
    }

    /**
     * Starts writing {@code target}.
     *
     * @throws InputException when the target's folder does not exist, the target is a folder, or the
     *     temporary file cannot be created there
     */
    public static AtomicFile create(Path target) {
        return create(target, false);
    }

    /**
     * Starts writing {@code target}; with {@code durable} the bytes are forced to disk (fsync) before
     * the move, which also survives a power cut at the cost of waiting for the disk (measured: 2.4 s for
     * a 100 MB file on the benchmark machine). Without it the move is still atomic for every reader and
     * against interruption or SIGKILL.
     *
     * @throws InputException as {@link #create(Path)}
     */
    public static AtomicFile create(Path target, boolean durable) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(target + ": the output folder " + dir + " does not exist; create it first");
        }
        if (Files.isDirectory(abs)) {
            throw new InputException(target + ": is a folder; give a file name for the output");
        }
        try {
            Path temp = createTemp(dir, "." + abs.getFileName() + ".", ".tmp");
            temp.toFile().deleteOnExit();
            permissions(abs, temp);
            FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new AtomicFile(abs, temp, ch, durable);
        } catch (IOException e) {
            throw new InputException(target + ": cannot write in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a new owner-only file {@code <prefix><random><suffix>} in {@code dir}, as
     * {@link Files#createTempFile} does, but naming it from {@link ThreadLocalRandom}: the name needs to be
     * unlikely to clash (a clash is retried), not unpredictable, and seeding a {@code SecureRandom} costs
     * about 10 ms of a one-second run.
     */
    private static Path createTemp(Path dir, String prefix, String suffix) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + suffix);
            try {
                return posix ? Files.createFile(p, OWNER_ONLY) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /**
     * Gives the temporary file (created owner-only) the permissions of the file it replaces, or
     * {@code rw-r--r--} for a new file, as an ordinary write would.
     */
    private static void permissions(Path target, Path temp) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, perms);
    }

    /**
     * Removes the temporary files an earlier run left beside {@code target} when it was killed outright
     * ({@code .<target>.<digits>.tmp}, last written more than a minute ago, so that a run still writing is
     * not disturbed), and names them; younger ones are named with "(left in place: may belong to a run still
     * writing)". Never fails: what cannot be listed or removed is skipped.
     *
     * @return a description of each file removed or left in place, for a note
     */
    public static java.util.List<String> staleTemporaryFiles(Path target) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null || !Files.isDirectory(dir)) {
            return out;
        }
        String prefix = "." + abs.getFileName() + ".";
        long cutoff = System.currentTimeMillis() - 60_000L;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp")
                    && n.substring(prefix.length(), n.length() - 4).matches("[0-9]{1,20}");
        })) {
            for (Path p : files) {
                try {
                    if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                        Files.deleteIfExists(p);
                        out.add(p.toString());
                    } else {
                        out.add(p + " (left in place: may belong to a run still writing)");
                    }
                } catch (IOException e) {
                    // skipped: it is named by nothing and harms nothing
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // nothing to report
        }
        return out;
    }

    /** The stream to write to (do not close it; close this object). */
    public OutputStream stream() {
        return stream;
    }

    /** The temporary file being written. */
    public Path temporaryFile() {
        return temp;
    }

    /**
     * Moves the temporary file onto the target, replacing an earlier file (forcing the bytes to disk first
     * when durable).
     *
     * @throws java.io.UncheckedIOException when the data cannot be written or moved
     */
    public void commit() {
        if (committed || closed) {
            throw new IllegalStateException("already " + (committed ? "committed" : "closed"));
        }
        try {
            stream.flush();
            if (durable) {
                channel.force(true);
            }
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // deleting below is what matters
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more can be done; the target is untouched either way
            }
        }
    }
}
