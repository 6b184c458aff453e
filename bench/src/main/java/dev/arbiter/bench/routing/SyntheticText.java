package dev.arbiter.bench.routing;

import java.util.Locale;
import java.util.Random;

/** Plausible, non-repeating filler for long benchmark prompts: a Java service class and a services agreement. */
final class SyntheticText {
    private static final String[] NOUNS = {"price", "order", "customer", "invoice", "account", "quote", "ledger",
        "supplier", "shipment", "discount", "currency", "region", "tariff", "basket", "refund", "voucher"};
    private static final String[] VERBS = {"load", "refresh", "compute", "resolve", "merge", "validate", "fetch",
        "apply", "evict", "publish", "convert", "settle"};
    private static final String[] PARTIES = {"Northwind Traders Ltd", "Contoso Logistics GmbH", "Fabrikam Inc.",
        "Tailspin Toys S.A.", "Wide World Importers LLC", "Adventure Works plc"};
    private static final String[] TERMS = {"deliverables", "service levels", "confidential information",
        "intellectual property", "force majeure", "acceptance tests", "invoices", "subcontractors", "audit rights",
        "data protection", "liability cap", "renewal term", "notice period", "escrow", "warranty", "indemnity"};

    private SyntheticText() {
    }

    /** A Java class of {@code methods} small methods mixing maps, locks, I/O and arithmetic. */
    static String javaClass(Random r, int methods) {
        StringBuilder sb = new StringBuilder("package com.example.pricing;\n\nimport java.sql.*;\nimport java.util.*;\n"
                + "import java.util.concurrent.*;\n\npublic class PricingService {\n"
                + "    private final Map<String, Double> cache = new HashMap<>();\n"
                + "    private final DataSource dataSource;\n\n");
        for (int i = 0; i < methods; i++) {
            String noun = pick(r, NOUNS);
            String verb = pick(r, VERBS);
            String name = verb + capital(noun) + i;
            sb.append(String.format(Locale.ROOT, """
                        public double %s(String %sId, int quantity) throws SQLException {
                            Connection c = dataSource.getConnection();
                            PreparedStatement ps = c.prepareStatement("SELECT amount FROM %s WHERE id = ?");
                            ps.setString(1, %sId);
                            ResultSet rs = ps.executeQuery();
                            double value = rs.next() ? rs.getDouble(1) * %d.%02d : cache.getOrDefault(%sId, 0.0);
                            cache.put(%sId, value * quantity);
                            return value > %d ? value - %s : value;
                        }

                    """, name, noun, noun + "s", noun, r.nextInt(9) + 1, r.nextInt(100), noun, noun,
                    r.nextInt(500), pick(r, NOUNS) + "Discount(" + noun + "Id)"));
        }
        return sb.append("}\n").toString();
    }

    /** A services agreement of {@code clauses} numbered clauses naming parties, dates, amounts and terms. */
    static String contract(Random r, int clauses) {
        StringBuilder sb = new StringBuilder("MASTER SERVICES AGREEMENT\n\nThis agreement is made between ")
                .append(PARTIES[0]).append(" (the \"Client\") and ").append(PARTIES[1])
                .append(" (the \"Provider\"), effective 1 March 2024.\n\n");
        for (int i = 1; i <= clauses; i++) {
            String term = pick(r, TERMS);
            sb.append(String.format(Locale.ROOT, "%d. %s. The Provider shall maintain the %s described in Schedule"
                    + " %c and report to %s within %d business days of each request. Fees of %s %,d.%02d are payable"
                    + " on %d %s %d; late amounts accrue interest at %d.%d%% per month. Either party may terminate"
                    + " this clause on %d days' written notice if the other breaches the %s obligations.%n%n", i,
                    capital(term), term, (char) ('A' + r.nextInt(6)), pick(r, PARTIES), 2 + r.nextInt(20),
                    r.nextBoolean() ? "EUR" : "USD", 1_000 + r.nextInt(90_000), r.nextInt(100), 1 + r.nextInt(28),
                    pick(r, new String[] {"January", "April", "July", "October"}), 2024 + r.nextInt(3),
                    r.nextInt(3), r.nextInt(10), 15 + r.nextInt(76), pick(r, TERMS)));
        }
        return sb.toString();
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
