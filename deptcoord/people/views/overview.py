"""A person's page in the people app: their goals, skills, development plan and the feedback
the viewer may see, in one place."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from deptcoord.access import Action, visible
from deptcoord.goals import selectors as goal_selectors
from deptcoord.goals.models import Goal
from deptcoord.people import selectors
from deptcoord.people.models import Assessment, DevelopmentPlan, Feedback, PersonProfile
from deptcoord.people.views.common import may, person_or_404
from deptcoord.work import selectors as work_selectors

RECENT_FEEDBACK = 10
OPEN_STEPS = 8
WORKLOAD_WEEKS = 4


@login_required
def home(request):
    """The people section starts at one's own page."""
    return redirect("people:person", pk=request.person.pk)


@login_required
def person(request, pk):
    """Everything about a person's work and growth that the viewer may see."""
    facts = request.facts
    subject = person_or_404(request, pk)
    goals = list(
        goal_selectors.goals(facts, goal_selectors.GoalFilters(owner_id=subject.pk, period="all"))
        .exclude(status=Goal.Status.CANCELLED)
        .select_related("department")
        .order_by("-period_end", "id")[:10]
    )
    skills = selectors.person_skills(facts, subject, suggest=False)
    plans = list(selectors.plans(facts, person_id=subject.pk)[:3])
    feedback = list(selectors.feedback_list(facts, person_id=subject.pk)[:RECENT_FEEDBACK])
    one_on_ones = list(visible(facts, subject.one_on_ones.all()).select_related("coordinator")[:5])
    open_steps = work_selectors.my_steps(facts, subject)
    sees_load = work_selectors.sees_load_of(facts, subject)
    context = {
        "open_steps": list(open_steps[:OPEN_STEPS]),
        "open_step_count": open_steps.count(),
        "workload": work_selectors.workload_for([subject], WORKLOAD_WEEKS)[0]
        if sees_load
        else None,
        "subject": subject,
        "goals": goals,
        "skills": skills,
        "plans": plans,
        "feedback": feedback,
        "one_on_ones": one_on_ones,
        "today": timezone.localdate(),
        "can_assess": may(request, Action.ASSESS, Assessment(person=subject)),
        "can_plan": may(request, Action.CHANGE, DevelopmentPlan(person=subject)),
        "can_set_role": may(request, Action.CHANGE, PersonProfile(person=subject)),
        "can_warn": may(
            request, Action.GIVE_FEEDBACK, Feedback(kind=Feedback.Kind.WARNING, subject=subject)
        ),
        "can_praise": may(
            request, Action.GIVE_FEEDBACK, Feedback(kind=Feedback.Kind.PRAISE, subject=subject)
        ),
        "is_self": subject.pk == request.person.pk,
    }
    return render(request, "people/person.html", context)
