package dev.ferry.bench.profile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the CPU time of a profile goes: each stack is charged to one component, the innermost
 * frame (leaf first) that a rule recognises, after whole-stack rules (garbage collection, JIT
 * compilation, the content hash, whose canonical encoding would otherwise count as encoding); to
 * one phase of the operation (load, proof, copy...); plus the hottest frames by self time.
 */
final class ProfileSummary {
    private static final int TOP_FRAMES = 20;
    private static final Map<String, Predicate<String>> THREAD_RULES = new LinkedHashMap<>();
    private static final Map<String, Predicate<String>> FRAME_RULES = new LinkedHashMap<>();
    private static final Map<String, Predicate<String>> PHASE_RULES = new LinkedHashMap<>();

    static {
        THREAD_RULES.put("garbage collection", f -> f.contains("G1") || f.contains("GCTask") || f.contains("ParallelGC"));
        THREAD_RULES.put("JIT compilation", f -> f.contains("CompileBroker") || f.contains("C2Compiler") || f.contains("Compilation::"));
        THREAD_RULES.put("content hash (canonical encoding, XXH64)", f -> f.contains("RowHasher"));
        FRAME_RULES.put("zstd (de)compression", f -> f.toLowerCase(Locale.ROOT).contains("zstd"));
        FRAME_RULES.put("SHA-256 of chunk files", f -> f.contains("security.provider.SHA") || f.contains("Digest"));
        FRAME_RULES.put("archive value encoding", f -> f.contains("ValueEncoder") || f.contains("GrowableBytes"));
        FRAME_RULES.put("archive value decoding", f -> f.contains("ValueDecoder") || f.contains("ValueInput"));
        FRAME_RULES.put("socket and file I/O (JDK, kernel)", f -> f.endsWith("_[k]") || f.startsWith("sun.nio.ch")
                || f.startsWith("java.net.") || f.startsWith("sun.nio.fs") || f.startsWith("java.io.FileOutputStream"));
        FRAME_RULES.put("PostgreSQL value text (COPY format, parsing)", f -> f.startsWith("dev.ferry.dialect.postgres.text"));
        FRAME_RULES.put("other dialect code", f -> f.startsWith("dev.ferry.dialect."));
        FRAME_RULES.put("JDBC driver: pgjdbc", f -> f.startsWith("org.postgresql"));
        FRAME_RULES.put("JDBC driver: MariaDB Connector/J", f -> f.startsWith("org.mariadb"));
        FRAME_RULES.put("JDBC driver: sqlite-jdbc", f -> f.startsWith("org.sqlite"));
        FRAME_RULES.put("JSON (schema, manifest)", f -> f.startsWith("com.fasterxml"));
        FRAME_RULES.put("other Ferry code", f -> f.startsWith("dev.ferry"));
        FRAME_RULES.put("class loading and start-up", f -> f.contains("ClassLoader") || f.contains("SystemDictionary")
                || f.contains("ClassFileParser") || f.contains("Interpreter"));
    }

    static {
        PHASE_RULES.put("restore: proof (read back and hash every table)", f -> f.contains("Restore.prove"));
        PHASE_RULES.put("restore: load rows", f -> f.contains("Restore.load"));
        PHASE_RULES.put("restore: create tables, then indexes and constraints", f -> f.contains("RestoreTarget.createTables")
                || f.contains("RestoreTarget.finishSchema") || f.contains("SchemaFinisher"));
        PHASE_RULES.put("backup: copy tables", f -> f.contains("Backup.copyTable") || f.contains("WorkerPool"));
        PHASE_RULES.put("schema: introspection, JSON", f -> f.contains("ntrospect") || f.contains("com.fasterxml"));
        PHASE_RULES.put("archive: open, verify, commit", f -> f.contains("ArchiveReader") || f.contains("ArchiveWriter"));
        PHASE_RULES.put("other Ferry work (connect, snapshot, CLI)", f -> f.startsWith("dev.ferry"));
    }

    private final CollapsedStacks profile;

    ProfileSummary(CollapsedStacks profile) {
        this.profile = profile;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d CPU samples%n%nBy component (innermost recognised frame):%n", profile.total()));
        sorted(byComponent()).forEach(e -> out.append(line(e.getKey(), e.getValue())));
        out.append(String.format(Locale.ROOT, "%nBy phase (JVM threads: JIT, GC, start-up, are the rest):%n"));
        sorted(byPhase()).forEach(e -> out.append(line(e.getKey(), e.getValue())));
        out.append(String.format(Locale.ROOT, "%nHottest frames (self time):%n"));
        sorted(bySelf()).stream().limit(TOP_FRAMES).forEach(e -> out.append(line(FlameGraphPng.shortName(e.getKey()), e.getValue())));
        return out.toString();
    }

    Map<String, Long> byComponent() {
        Map<String, Long> totals = new HashMap<>();
        for (CollapsedStacks.Stack s : profile.stacks()) {
            totals.merge(component(s.frames()), s.samples(), Long::sum);
        }
        return totals;
    }

    Map<String, Long> byPhase() {
        Map<String, Long> totals = new HashMap<>();
        for (CollapsedStacks.Stack s : profile.stacks()) {
            String phase = PHASE_RULES.entrySet().stream().filter(rule -> s.frames().stream().anyMatch(rule.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse("JVM: JIT compiler, GC, class loading, other threads");
            totals.merge(phase, s.samples(), Long::sum);
        }
        return totals;
    }

    private static String component(List<String> frames) {
        for (Map.Entry<String, Predicate<String>> rule : THREAD_RULES.entrySet()) {
            if (frames.stream().anyMatch(rule.getValue())) {
                return rule.getKey();
            }
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            for (Map.Entry<String, Predicate<String>> rule : FRAME_RULES.entrySet()) {
                if (rule.getValue().test(frames.get(i))) {
                    return rule.getKey();
                }
            }
        }
        return "other JVM, JDK and native";
    }

    private Map<String, Long> bySelf() {
        Map<String, Long> self = new HashMap<>();
        profile.stacks().forEach(s -> self.merge(s.frames().get(s.frames().size() - 1), s.samples(), Long::sum));
        return self;
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> totals) {
        return totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    }

    private String line(String name, long samples) {
        return String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * samples / profile.total(), name);
    }
}
