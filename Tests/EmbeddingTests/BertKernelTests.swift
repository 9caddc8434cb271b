import Foundation
import Testing

@testable import Embedding

@Suite("BERT element-wise kernels")
struct BertKernelTests {
    @Test("fast exp matches libm on the range softmax and GELU use")
    func exp() {
        var worst: Double = 0
        for i in 0...20_000 {
            let x = -Float(i) * 0.004  // 0 … −80
            let want = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(BertModel.exp(x)) - want) / want)
        }
        #expect(worst < 1e-6)
        #expect(BertModel.exp(-200) >= 0)
        #expect(BertModel.exp(-200) < 1e-37)
    }

    @Test("GELU is the erf form")
    func gelu() {
        let inputs: [Float] = [-6, -3, -1.5, -0.5, -0.01, 0, 0.01, 0.5, 1.5, 3, 6]
        var values = inputs
        values.withUnsafeMutableBufferPointer { BertModel.gelu($0.baseAddress!, count: $0.count) }
        for (z, got) in zip(inputs, values) {
            let want = 0.5 * Double(z) * (1 + erf(Double(z) / 2.0.squareRoot()))
            #expect(abs(Double(got) - want) < 1e-6, "gelu(\(z)) = \(got), want \(want)")
        }
    }
}
