package dev.arbiter.core.routing.quality;

/**
 * The penalised soft-label cross-entropy of the IRT model over training triples: z = Σ_k load_k(q)·a[m][k] + b[m]
 * − e^κ[m]·(w·x(q) + g[task(q)]), P = c(q) + (1 − c(q))·σ(z) with c(q) the row's guessing floor (0 when off),
 * loss = Σ weight·(−score·log P − (1 − score)·log(1 − P)) + L2 pulls of w, a, b and κ toward their centres (zero
 * or the population for a base fit; the base profile for a fit) and of the task intercepts g toward zero.
 * Parameter layout: [w (only when learned) | a (models × factors) | b (models) | κ (when a slope penalty is set)
 * | g (base fits with a group penalty)].
 */
final class IrtObjective implements Lbfgs.Objective {
    /** L2 strengths; the data term is a sum over triples, so each is worth roughly 4·λ observations. */
    record Penalties(double hashed, double dense, double intercept, double ability, double bias, double group,
                     double slope) {
    }

    private final TrainingData data;
    private final boolean learnWeights;
    private final double[] weightCenter;
    private final double[] abilityCenter;
    private final double[] biasCenter;
    private final Penalties l2;
    private final int dim;
    private final int denseOffset;
    private final int models;
    private final double[] difficulty;
    private final double[] rowGradient;

    /** Fewest distinct tasks for task intercepts. */
    static final int MIN_TASKS = 6;
    private final double[] slopeCenter;

    IrtObjective(TrainingData data, int dim, int denseOffset, boolean learnWeights, double[] weightCenter,
                 double[] abilityCenter, double[] biasCenter, double[] slopeCenter, Penalties l2) {
        this.slopeCenter = slopeCenter;
        this.data = data;
        this.dim = dim;
        this.denseOffset = denseOffset;
        this.learnWeights = learnWeights;
        this.weightCenter = weightCenter;
        this.abilityCenter = abilityCenter;
        this.biasCenter = biasCenter;
        this.l2 = l2;
        this.models = data.models.size();
        this.difficulty = new double[data.rows];
        this.rowGradient = new double[data.rows];
    }

    int size() {
        return groupOffset() + groups();
    }

    /**
     * Task intercepts are learned with the difficulty weights only, when a group penalty is set and the data has
     * at least {@value #MIN_TASKS} tasks. They keep features from memorising which benchmark a prompt came from;
     * with a handful of task labels (a team's "chat" and "code") the label is the very thing the features should
     * learn to recognise.
     */
    int groups() {
        return learnWeights && l2.group() > 0 && data.groups.size() >= MIN_TASKS ? data.groups.size() : 0;
    }

    /** Per-model log discriminations are learned only when a slope penalty is set (else every κ is 0). */
    int slopes() {
        return l2.slope() > 0 ? models : 0;
    }

    int slopeOffset() {
        return biasOffset() + models;
    }

    int groupOffset() {
        return slopeOffset() + slopes();
    }

    private double slope(double[] p, int m) {
        return slopes() > 0 ? Math.exp(p[slopeOffset() + m]) : 1;
    }

    int abilityOffset() {
        return learnWeights ? dim : 0;
    }

    int biasOffset() {
        return abilityOffset() + models * data.factors;
    }

    @Override
    public double evaluate(double[] p, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        java.util.Arrays.fill(rowGradient, 0);
        double[] w = learnWeights ? p : weightCenter;
        for (int r = 0; r < data.rows; r++) {
            double d = 0;
            for (int j = data.rowStart[r]; j < data.rowStart[r + 1]; j++) {
                d += w[data.col[j]] * data.val[j];
            }
            difficulty[r] = d + (groups() > 0 ? p[groupOffset() + data.rowGroup[r]] : 0);
        }
        double loss = dataTerm(p, gradient);
        if (learnWeights) {
            for (int r = 0; r < data.rows; r++) {
                for (int j = data.rowStart[r]; j < data.rowStart[r + 1]; j++) {
                    gradient[data.col[j]] += rowGradient[r] * data.val[j];
                }
            }
            loss += weightPenalty(p, gradient) + groupTerm(p, gradient);
        }
        return loss + abilityPenalty(p, gradient);
    }

    private double dataTerm(double[] p, double[] gradient) {
        int k = data.factors;
        int aOff = abilityOffset();
        int bOff = biasOffset();
        double loss = 0;
        for (int t = 0; t < data.triples(); t++) {
            int r = data.tripleRow[t];
            int m = data.tripleModel[t];
            double e = slope(p, m);
            double z = p[bOff + m] - e * difficulty[r];
            for (int f = 0; f < k; f++) {
                z += data.mix[r * k + f] * p[aOff + m * k + f];
            }
            double y = data.tripleScore[t];
            double weight = data.tripleWeight[t];
            double c = data.floor[r];
            double g;
            if (c == 0) {
                loss += weight * (softplus(z) - y * z);
                g = weight * (sigmoid(z) - y);
            } else {
                // P = c + (1 − c)·s: −log(1 − P) = −log(1 − c) + softplus(z); dP/dz = (1 − c)·s·(1 − s).
                double s = sigmoid(z);
                double prob = c + (1 - c) * s;
                loss += weight * (-y * Math.log(prob) + (1 - y) * (softplus(z) - Math.log1p(-c)));
                g = weight * ((1 - y) * s - y * (1 - c) * s * (1 - s) / prob);
            }
            for (int f = 0; f < k; f++) {
                gradient[aOff + m * k + f] += g * data.mix[r * k + f];
            }
            gradient[bOff + m] += g;
            if (slopes() > 0) {
                gradient[slopeOffset() + m] -= g * e * difficulty[r];
            }
            rowGradient[r] -= g * e;
        }
        return loss;
    }

    private double weightPenalty(double[] p, double[] gradient) {
        double loss = 0;
        for (int i = 0; i < dim; i++) {
            double lambda = i < denseOffset ? l2.hashed() : i == denseOffset + DenseFeatures.BIAS ? l2.intercept() : l2.dense();
            double delta = p[i] - weightCenter[i];
            loss += 0.5 * lambda * delta * delta;
            gradient[i] += lambda * delta;
        }
        return loss;
    }

    /** Each task's intercept takes its rows' difficulty gradient and an L2 pull to zero (a random effect). */
    private double groupTerm(double[] p, double[] gradient) {
        if (groups() == 0) {
            return 0;
        }
        int off = groupOffset();
        for (int r = 0; r < data.rows; r++) {
            gradient[off + data.rowGroup[r]] += rowGradient[r];
        }
        double loss = 0;
        for (int g = 0; g < groups(); g++) {
            loss += 0.5 * l2.group() * p[off + g] * p[off + g];
            gradient[off + g] += l2.group() * p[off + g];
        }
        return loss;
    }

    private double abilityPenalty(double[] p, double[] gradient) {
        double loss = 0;
        int aOff = abilityOffset();
        for (int i = 0; i < abilityCenter.length; i++) {
            double delta = p[aOff + i] - abilityCenter[i];
            loss += 0.5 * l2.ability() * delta * delta;
            gradient[aOff + i] += l2.ability() * delta;
        }
        int bOff = biasOffset();
        for (int m = 0; m < models; m++) {
            double delta = p[bOff + m] - biasCenter[m];
            loss += 0.5 * l2.bias() * delta * delta;
            gradient[bOff + m] += l2.bias() * delta;
        }
        for (int m = 0; m < slopes(); m++) {
            double delta = p[slopeOffset() + m] - slopeCenter[m];
            loss += 0.5 * l2.slope() * delta * delta;
            gradient[slopeOffset() + m] += l2.slope() * delta;
        }
        return loss;
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
