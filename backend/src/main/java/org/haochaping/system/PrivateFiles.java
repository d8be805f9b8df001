package org.haochaping.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Local state on disk (the data directory: store file, keys, credentials, demo passwords) is the
 * owner's alone: directories 700, files 600, secrets written atomically.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Writes {@code content} to {@code file} atomically, never readable by anyone but the owner, not even for a moment. */
    public static void write(Path file, String content) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            createDirectory(directory);
            Path temporary = Files.createTempFile(directory, ".tmp-", ".secret", ownerOnly(OWNER_FILE));
            restrict(temporary, OWNER_FILE);
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            restrict(file, OWNER_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Creates {@code directory} (and missing parents) as 700; an existing one is tightened to 700. */
    public static void createDirectory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, ownerOnly(OWNER_DIRECTORY));
            }
            restrict(directory, OWNER_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory " + directory, e);
        }
    }

    /**
     * Tightens a directory made before files were kept private: itself to 700 and the files directly
     * in it to 600. Not recursive, in case it was pointed at a directory with other content: what
     * lies deeper is already out of other users' reach behind the 700. Symbolic links are left alone.
     */
    public static void tighten(Path directory) {
        createDirectory(directory);
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(entry, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + directory + " to its owner", e);
        }
    }

    /** Restricts one file to its owner (600), e.g. after a library created it with the default mode. */
    public static void restrictFile(Path file) {
        try {
            restrict(file, OWNER_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + file + " to its owner", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
