package org.haochaping.identity.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.haochaping.identity.Role;
import org.haochaping.system.PrivateFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The demo accounts of the embedded provider. Passwords are generated at first start and written
 * to {@code local-accounts.txt} in the data directory (one account a line: {@code username password ROLE},
 * mode 600); later starts read them back. Department and region come with each demo account.
 */
final class LocalAccounts implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(LocalAccounts.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A demo account: who it is and where its scope lies. */
    record Account(String username, Role role, String displayName, @Nullable String department,
            @Nullable String region) {
    }

    static final List<Account> DEMO = demoAccounts();

    private final Map<String, Account> accounts;
    private final Map<String, String> passwords;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    private LocalAccounts(Map<String, String> passwords) {
        this.accounts = DEMO.stream().collect(Collectors.toMap(Account::username, account -> account,
                (a, b) -> a, LinkedHashMap::new));
        this.passwords = passwords;
    }

    static LocalAccounts loadOrCreate(Path file) {
        Map<String, String> passwords = Files.exists(file) ? parse(PrivateFiles.read(file)) : new LinkedHashMap<>();
        boolean added = false;
        SecureRandom random = new SecureRandom();
        for (Account account : DEMO) {
            if (!passwords.containsKey(account.username())) {
                passwords.put(account.username(), password(random));
                added = true;
            }
        }
        if (added) {
            PrivateFiles.write(file, format(passwords));
        }
        log.info("Demo accounts of the embedded identity provider (username password ROLE): {}",
                file.toAbsolutePath().normalize());
        return new LocalAccounts(passwords);
    }

    Optional<Account> account(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    /** Hashes each password on its first use, so that starting up stays fast. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("No such account");
        }
        String hash = hashes.computeIfAbsent(username, name -> bcrypt.encode(passwords.get(name)));
        return User.withUsername(username).password("{bcrypt}" + hash).roles(account.role().name()).build();
    }

    private static List<Account> demoAccounts() {
        List<Account> demo = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i ->
                demo.add(new Account("resident" + i, Role.RESIDENT, "居民" + i, null, null)));
        demo.add(new Account("handler", Role.HANDLER, "住建局差评办理员", "housing-construction", null));
        demo.add(new Account("manager", Role.MANAGER, "住建局物业管理负责人", "housing-construction", null));
        demo.add(new Account("supervisor", Role.SUPERVISOR, "县政务服务监督员", null, "140423"));
        demo.add(new Account("auditor", Role.AUDITOR, "县审计员", null, "140423"));
        demo.add(new Account("handler-guhan", Role.HANDLER, "古韩镇差评办理员", "guhan-town", "140423100"));
        demo.add(new Account("manager-approval", Role.MANAGER, "行政审批局负责人", "approval-services", null));
        return List.copyOf(demo);
    }

    private static Map<String, String> parse(String content) {
        Map<String, String> passwords = new LinkedHashMap<>();
        content.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            String[] parts = line.split("\\s+");
            if (parts.length >= 2) {
                passwords.put(parts[0], parts[1]);
            }
        });
        return passwords;
    }

    private String roleOf(String username) {
        return account(username).map(account -> account.role().name()).orElse("");
    }

    private static String format(Map<String, String> passwords) {
        LocalAccounts names = new LocalAccounts(passwords);
        return passwords.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue() + " " + names.roleOf(entry.getKey()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String password(SecureRandom random) {
        return random.ints(16, 0, ALPHABET.length())
                .mapToObj(i -> String.valueOf(ALPHABET.charAt(i)))
                .collect(Collectors.joining());
    }
}
