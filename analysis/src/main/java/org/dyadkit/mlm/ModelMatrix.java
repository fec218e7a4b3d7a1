package org.dyadkit.mlm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dyadkit.diary.DiaryData;

/**
 * The columns of a design matrix from the right-hand side of a formula, coded as R's {@code model.matrix}
 * with treatment contrasts: a numeric variable is one column; a factor (text column) in a term is coded by
 * indicators of all its levels when the term without it is not in the model (the empty term being the
 * intercept), and by indicators of all but the first level otherwise (Chambers and Hastie 1992, sec. 2.4.1).
 * Levels are in code-point order (R's order in the C locale). Columns of an interaction are products,
 * the first variable's levels varying fastest.
 */
final class ModelMatrix {
    final List<String> names;
    /** Column-major values, NaN where a variable is missing. */
    final List<double[]> columns;
    /** The term (index into formula.terms(), -1 for the intercept) each column belongs to. */
    final int[] assign;

    private ModelMatrix(List<String> names, List<double[]> columns, int[] assign) {
        this.names = names;
        this.columns = columns;
        this.assign = assign;
    }

    static ModelMatrix of(Formula f, DiaryData data) {
        int n = data.rowCount();
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        List<Integer> assign = new ArrayList<>();
        if (f.intercept()) {
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1);
            names.add("(Intercept)");
            cols.add(one);
            assign.add(-1);
        }
        List<Set<String>> termSets = new ArrayList<>();
        for (List<String> t : f.terms()) {
            termSets.add(new HashSet<>(t));
        }
        for (int ti = 0; ti < f.terms().size(); ti++) {
            List<String> term = f.terms().get(ti);
            List<String> partNames = List.of("");
            List<double[]> partCols = null;
            for (String var : term) {
                List<String> vNames = new ArrayList<>();
                List<double[]> vCols = new ArrayList<>();
                if (data.isFactor(var)) {
                    String[] cells = data.factor(var);
                    TreeSet<String> levels = new TreeSet<>();
                    for (String c : cells) {
                        if (c != null) {
                            levels.add(c);
                        }
                    }
                    Set<String> margin = new HashSet<>(term);
                    margin.remove(var);
                    boolean marginIn = margin.isEmpty() ? f.intercept() : termSets.contains(margin);
                    boolean first = true;
                    for (String level : levels) {
                        if (first && marginIn) {
                            first = false;
                            continue;
                        }
                        first = false;
                        double[] x = new double[n];
                        for (int r = 0; r < n; r++) {
                            x[r] = cells[r] == null ? Double.NaN : (cells[r].equals(level) ? 1 : 0);
                        }
                        vNames.add(var + level);
                        vCols.add(x);
                    }
                } else {
                    vNames.add(var);
                    vCols.add(data.variable(var));
                }
                if (partCols == null) {
                    partNames = vNames;
                    partCols = vCols;
                } else {
                    List<String> nn = new ArrayList<>();
                    List<double[]> nc = new ArrayList<>();
                    for (int b = 0; b < vCols.size(); b++) {
                        for (int a = 0; a < partCols.size(); a++) {
                            nn.add(partNames.get(a) + ":" + vNames.get(b));
                            double[] x = new double[n];
                            double[] pa = partCols.get(a);
                            double[] pb = vCols.get(b);
                            for (int r = 0; r < n; r++) {
                                x[r] = pa[r] * pb[r];
                            }
                            nc.add(x);
                        }
                    }
                    partNames = nn;
                    partCols = nc;
                }
            }
            for (int c = 0; c < partCols.size(); c++) {
                names.add(partNames.get(c));
                cols.add(partCols.get(c));
                assign.add(ti);
            }
        }
        return new ModelMatrix(List.copyOf(names), List.copyOf(cols),
                assign.stream().mapToInt(Integer::intValue).toArray());
    }
}
