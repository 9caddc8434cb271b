import Foundation

/// Float vector helpers for the semantic component; one dot product used by scalar and batch scoring.
enum VectorMath {
    /// Dot product with four SIMD8 accumulators; the tail is added in order. Same code path for every caller,
    /// so the scalar scorer and the batch engine get bit-identical results.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
        var i = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        while i + 32 <= count {
            let offset = i * MemoryLayout<Float>.stride
            s0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            s1 += rawA.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
            s2 += rawA.loadUnaligned(fromByteOffset: offset + 64, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset + 64, as: SIMD8<Float>.self)
            s3 += rawA.loadUnaligned(fromByteOffset: offset + 96, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset + 96, as: SIMD8<Float>.self)
            i += 32
        }
        while i + 8 <= count {
            let offset = i * MemoryLayout<Float>.stride
            s0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            i += 8
        }
        var total = ((s0 + s1) + (s2 + s3)).sum()
        while i < count {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// Dot product of two arrays of equal length.
    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count)
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in dot(pa.baseAddress!, pb.baseAddress!, count: pa.count) }
        }
    }

    /// The vector scaled to length 1; nil for an empty, zero or non-finite vector.
    static func unit(_ v: [Float]) -> [Float]? {
        guard !v.isEmpty else { return nil }
        let squared = dot(v, v)
        guard squared > 0, squared.isFinite else { return nil }
        let scale = 1 / squared.squareRoot()
        return v.map { $0 * scale }
    }
}
