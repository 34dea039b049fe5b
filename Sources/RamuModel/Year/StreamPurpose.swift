/// The purposes a household draws random numbers for; each has its own stream (MODEL.md section 2),
/// so a change in one (say enrolment) leaves the others' draws as they were.
enum StreamPurpose: UInt32 {
    case householdSize = 1, initialisation, demography, episodes, enrolment, split
}
