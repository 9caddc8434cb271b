import COpenBLAS
import Foundation

/// The 6-layer BERT encoder of all-MiniLM-L6-v2 over memory-mapped F32 weights; matrix products via OpenBLAS.
final class BertModel: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init; the pointers point into `file`.

    static let hidden = 384
    static let heads = 12
    static let headSize = 32
    static let intermediate = 1536
    static let layerCount = 6
    static let maxPositions = 512
    static let vocabularySize = 30522
    static let layerNormEpsilon: Float = 1e-12

    struct Layer {
        let query, queryBias, key, keyBias, value, valueBias: UnsafePointer<Float>
        let attentionOut, attentionOutBias, attentionNormWeight, attentionNormBias: UnsafePointer<Float>
        let intermediate, intermediateBias, output, outputBias: UnsafePointer<Float>
        let outputNormWeight, outputNormBias: UnsafePointer<Float>
    }

    private let file: SafeTensors
    private let wordEmbeddings, positionEmbeddings, typeEmbeddings: UnsafePointer<Float>
    private let embeddingNormWeight, embeddingNormBias: UnsafePointer<Float>
    private let layers: [Layer]

    init(file: SafeTensors) throws {
        self.file = file
        let h = Self.hidden
        let f = Self.intermediate
        wordEmbeddings = try file.floats("embeddings.word_embeddings.weight", shape: [Self.vocabularySize, h])
        positionEmbeddings = try file.floats("embeddings.position_embeddings.weight", shape: [Self.maxPositions, h])
        typeEmbeddings = try file.floats("embeddings.token_type_embeddings.weight", shape: [2, h])
        embeddingNormWeight = try file.floats("embeddings.LayerNorm.weight", shape: [h])
        embeddingNormBias = try file.floats("embeddings.LayerNorm.bias", shape: [h])
        layers = try (0..<Self.layerCount).map { l in
            let p = "encoder.layer.\(l)."
            return Layer(
                query: try file.floats(p + "attention.self.query.weight", shape: [h, h]),
                queryBias: try file.floats(p + "attention.self.query.bias", shape: [h]),
                key: try file.floats(p + "attention.self.key.weight", shape: [h, h]),
                keyBias: try file.floats(p + "attention.self.key.bias", shape: [h]),
                value: try file.floats(p + "attention.self.value.weight", shape: [h, h]),
                valueBias: try file.floats(p + "attention.self.value.bias", shape: [h]),
                attentionOut: try file.floats(p + "attention.output.dense.weight", shape: [h, h]),
                attentionOutBias: try file.floats(p + "attention.output.dense.bias", shape: [h]),
                attentionNormWeight: try file.floats(p + "attention.output.LayerNorm.weight", shape: [h]),
                attentionNormBias: try file.floats(p + "attention.output.LayerNorm.bias", shape: [h]),
                intermediate: try file.floats(p + "intermediate.dense.weight", shape: [f, h]),
                intermediateBias: try file.floats(p + "intermediate.dense.bias", shape: [f]),
                output: try file.floats(p + "output.dense.weight", shape: [h, f]),
                outputBias: try file.floats(p + "output.dense.bias", shape: [h]),
                outputNormWeight: try file.floats(p + "output.LayerNorm.weight", shape: [h]),
                outputNormBias: try file.floats(p + "output.LayerNorm.bias", shape: [h]))
        }
    }

    /// Mean-pooled, L2-normalized 384-d vectors for texts already turned into ids (each at most 512 long).
    /// The texts are packed as rows of one matrix, so every linear layer is a single sgemm; attention runs per text.
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        let h = Self.hidden
        let f = Self.intermediate
        let rows = sequences.reduce(0) { $0 + $1.count }
        guard rows > 0 else { return sequences.map { _ in [Float](repeating: 0, count: h) } }
        let longest = sequences.map(\.count).max() ?? 0
        var offsets: [Int] = []
        var offset = 0
        for s in sequences { offsets.append(offset); offset += s.count }

        let x = UnsafeMutablePointer<Float>.allocate(capacity: rows * h)
        let q = UnsafeMutablePointer<Float>.allocate(capacity: rows * h)
        let k = UnsafeMutablePointer<Float>.allocate(capacity: rows * h)
        let v = UnsafeMutablePointer<Float>.allocate(capacity: rows * h)
        let context = UnsafeMutablePointer<Float>.allocate(capacity: rows * h)
        let sum = UnsafeMutablePointer<Float>.allocate(capacity: rows * h)
        let inner = UnsafeMutablePointer<Float>.allocate(capacity: rows * f)
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: longest * longest)
        defer {
            for p in [x, q, k, v, context, sum, inner, scores] { p.deallocate() }
        }

        // Embeddings: word + position + token type 0, then LayerNorm.
        for (s, ids) in sequences.enumerated() {
            for (t, id) in ids.enumerated() {
                let row = x + (offsets[s] + t) * h
                let word = wordEmbeddings + Int(id) * h
                let position = positionEmbeddings + t * h
                for j in 0..<h { row[j] = word[j] + position[j] + typeEmbeddings[j] }
            }
        }
        Self.layerNorm(x, rows: rows, weight: embeddingNormWeight, bias: embeddingNormBias, into: x)

        let scale = 1 / Float(Self.headSize).squareRoot()
        for layer in layers {
            Self.linear(x, rows: rows, inputs: h, weight: layer.query, bias: layer.queryBias, outputs: h, into: q)
            Self.linear(x, rows: rows, inputs: h, weight: layer.key, bias: layer.keyBias, outputs: h, into: k)
            Self.linear(x, rows: rows, inputs: h, weight: layer.value, bias: layer.valueBias, outputs: h, into: v)
            for (s, ids) in sequences.enumerated() {
                let n = Int32(ids.count)
                let start = offsets[s] * h
                for head in 0..<Self.heads {
                    let column = start + head * Self.headSize
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, n, n, Int32(Self.headSize), scale,
                        q + column, Int32(h), k + column, Int32(h), 0, scores, n)
                    Self.softmaxRows(scores, count: ids.count)
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, n, Int32(Self.headSize), n, 1,
                        scores, n, v + column, Int32(h), 0, context + column, Int32(h))
                }
            }
            // sum = x + bias + context·Wᵀ, then x = LN(sum).
            Self.residual(x, rows: rows, bias: layer.attentionOutBias, into: sum)
            Self.accumulateProduct(context, rows: rows, inputs: h, weight: layer.attentionOut, outputs: h, into: sum)
            Self.layerNorm(sum, rows: rows, weight: layer.attentionNormWeight, bias: layer.attentionNormBias, into: x)

            Self.linear(
                x, rows: rows, inputs: h, weight: layer.intermediate, bias: layer.intermediateBias, outputs: f,
                into: inner)
            Self.gelu(inner, count: rows * f)
            Self.residual(x, rows: rows, bias: layer.outputBias, into: sum)
            Self.accumulateProduct(inner, rows: rows, inputs: f, weight: layer.output, outputs: h, into: sum)
            Self.layerNorm(sum, rows: rows, weight: layer.outputNormWeight, bias: layer.outputNormBias, into: x)
        }

        return sequences.indices.map { s in
            var pooled = [Float](repeating: 0, count: h)
            let count = sequences[s].count
            for t in 0..<count {
                let row = x + (offsets[s] + t) * h
                for j in 0..<h { pooled[j] += row[j] }
            }
            var norm: Float = 0
            for j in 0..<h {
                pooled[j] /= Float(count)
                norm += pooled[j] * pooled[j]
            }
            let inverse = 1 / max(norm.squareRoot(), 1e-12)
            for j in 0..<h { pooled[j] *= inverse }
            return pooled
        }
    }

    /// out = input·Wᵀ + bias, W stored PyTorch-style as [outputs, inputs].
    static func linear(
        _ input: UnsafePointer<Float>, rows: Int, inputs: Int, weight: UnsafePointer<Float>,
        bias: UnsafePointer<Float>, outputs: Int, into out: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows {
            (out + r * outputs).update(from: bias, count: outputs)
        }
        accumulateProduct(input, rows: rows, inputs: inputs, weight: weight, outputs: outputs, into: out)
    }

    /// out += input·Wᵀ.
    static func accumulateProduct(
        _ input: UnsafePointer<Float>, rows: Int, inputs: Int, weight: UnsafePointer<Float>, outputs: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1,
            input, Int32(inputs), weight, Int32(inputs), 1, out, Int32(outputs))
    }

    /// out[r] = input[r] + bias (the residual branch before the product is added).
    static func residual(
        _ input: UnsafePointer<Float>, rows: Int, bias: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>
    ) {
        let h = hidden
        for r in 0..<rows {
            let src = input + r * h
            let dst = out + r * h
            for j in 0..<h { dst[j] = src[j] + bias[j] }
        }
    }

    /// Row-wise LayerNorm over 384 values (biased variance, eps 1e-12); `out` may equal `input`.
    static func layerNorm(
        _ input: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>
    ) {
        let h = hidden
        for r in 0..<rows {
            let src = input + r * h
            let dst = out + r * h
            var mean: Float = 0
            for j in 0..<h { mean += src[j] }
            mean /= Float(h)
            var variance: Float = 0
            for j in 0..<h {
                let d = src[j] - mean
                variance += d * d
            }
            variance /= Float(h)
            let inverse = 1 / (variance + layerNormEpsilon).squareRoot()
            for j in 0..<h { dst[j] = (src[j] - mean) * inverse * weight[j] + bias[j] }
        }
    }

    /// In-place softmax of each row of a count×count matrix.
    static func softmaxRows(_ m: UnsafeMutablePointer<Float>, count: Int) {
        for r in 0..<count {
            let row = m + r * count
            var largest = -Float.infinity
            for j in 0..<count { largest = max(largest, row[j]) }
            // Separate loops: a running float sum would keep the exp loop from vectorizing.
            for j in 0..<count { row[j] = Self.exp(row[j] - largest) }
            let total = cblas_sasum(Int32(count), row, 1)
            cblas_sscal(Int32(count), 1 / total, row, 1)
        }
    }

    /// In-place exact GELU, 0.5·z·(1 + erf(z/√2)), with erf from Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7).
    /// Branch-free and call-free so the loop vectorizes (libm `expf` made GELU ~20 % of a forward pass).
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let invSqrt2: Float = 0.70710678118654752
        for i in 0..<count {
            let z = values[i]
            let a = abs(z * invSqrt2)
            let t = 1 / (1 + 0.3275911 * a)
            let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
            let erfAbs = 1 - poly * Self.exp(-a * a)
            values[i] = 0.5 * z * (1 + Float(signOf: z, magnitudeOf: erfAbs))
        }
    }

    /// e^x for x <= 0 (relative error ~2e-7; 0 below -87): 2^n · p(r) with r = x − n·ln2, degree-6 Taylor for p.
    /// No checked conversions (they trap and stop vectorization): n is read from the float's mantissa bits.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = max(x, -87)
        let magic: Float = 12_582_912  // 1.5 · 2^23: adding it rounds to an integer held in the low mantissa bits
        let shifted = clamped * 1.44269504088896341 + magic
        let n = shifted - magic
        let r = clamped - n * 0.693145751953125 - n * 1.42860682030941723212e-6
        let p =
            1 + r
            * (1 + r
                * (0.5 + r
                    * (0.16666666666666666 + r
                        * (0.041666666666666664
                            + r * (0.008333333333333333 + r * 0.001388888888888889)))))
        let exponent = (shifted.bitPattern &- magic.bitPattern &+ 127) &<< 23
        return p * Float(bitPattern: exponent)
    }
}
