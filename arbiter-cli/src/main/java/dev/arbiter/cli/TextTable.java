package dev.arbiter.cli;

import java.util.List;

/** Lays out rows of cells in columns: the first column left-aligned, the others right-aligned (numbers). */
final class TextTable {
    private TextTable() {
    }

    static void append(StringBuilder out, List<String[]> rows) {
        int columns = rows.getFirst().length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row[i];
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
    }
}
